import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { useAction } from "../common/use-action";
import { ErrorCard } from "../components/error-card";
import { groupRulesService, type GroupRuleView } from "../services/group-rules-service";
import { useLoad } from "./use-load";
import { usersText } from "./users-text";

export interface DeleteRuleDialogProps {
  rule: GroupRuleView;
  onDeleted: (message: string) => void;
  onDismiss: () => void;
}

/** Deleting a rule asks first, with the server's count of users who lose their license. */
export function DeleteRuleDialog(props: DeleteRuleDialogProps): JSX.Element {
  const { rule } = props;
  const preview = useLoad(() => groupRulesService.deletePreview(rule.id), rule.id);
  const remove = useAction(
    () => groupRulesService.remove(rule.id),
    (answer) => props.onDeleted(answer.message),
  );
  const loses = preview.status === "ready" ? preview.value.losesLicense : null;
  return (
    <Dialog
      titleProps={{ text: `Delete the rule for ${rule.group.displayName}?` }}
      onDismiss={props.onDismiss}
      footerButtonProps={[
        { text: "Cancel", onClick: props.onDismiss },
        {
          text: remove.busy ? "Deleting..." : "Delete rule",
          danger: true,
          disabled: preview.status !== "ready" || remove.busy,
          onClick: () => remove.run(),
        },
      ]}
    >
      <div className="flex-column rhythm-vertical-8" aria-live="polite">
        {preview.status === "loading" ? (
          <Spinner size={SpinnerSize.medium} label="Counting who would lose their license..." />
        ) : null}
        {preview.status === "failed" ? <ErrorCard error={preview.error} /> : null}
        {preview.status === "ready" ? (
          <>
            <div>{preview.value.message}</div>
            <div className="font-weight-semibold">
              {loses === 0
                ? "Nobody loses their license."
                : `${usersText(loses ?? 0)} ${loses === 1 ? "loses their" : "lose their"} license.`}
            </div>
            {preview.value.impact.monthlySaving ? (
              <div className="secondary-text">{`Saves ${preview.value.impact.monthlySaving.text} per month.`}</div>
            ) : null}
          </>
        ) : null}
        {remove.error ? <ErrorCard error={remove.error} /> : null}
      </div>
    </Dialog>
  );
}
