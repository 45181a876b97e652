import * as React from "react";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import type { AsyncState } from "../common/use-async";
import { ErrorCard } from "./error-card";

export interface AsyncContentProps<T> {
  state: AsyncState<T>;
  loadingLabel?: string;
  spinnerSize?: SpinnerSize;
  children: (value: T) => React.ReactNode;
}

/** Spinner while loading, the error on failure, `children(value)` once loaded. */
export function AsyncContent<T>(props: AsyncContentProps<T>): JSX.Element {
  const { state, loadingLabel = "Loading...", spinnerSize = SpinnerSize.large } = props;
  if (state.status === "loading") return <Spinner size={spinnerSize} label={loadingLabel} />;
  if (state.status === "failed") return <ErrorCard error={state.error} />;
  return <>{props.children(state.value)}</>;
}
