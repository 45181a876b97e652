import * as React from "react";
import { Header, TitleSize } from "azure-devops-ui/Header";
import { Page } from "azure-devops-ui/Page";

/** A full-height hub page: title header and padded content column. */
export function PageLayout(props: { title: string; children: React.ReactNode }): JSX.Element {
  return (
    <Page className="flex-grow">
      <Header title={props.title} titleSize={TitleSize.Large} />
      <div className="page-content page-content-top flex-column rhythm-vertical-16">{props.children}</div>
    </Page>
  );
}
