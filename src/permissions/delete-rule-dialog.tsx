import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { useAction } from "../common/use-action";
import { ErrorCard } from "../components/error-card";
import { groupRulesService, type GroupRuleView } from "../services/group-rules-service";
import { sampleText } from "./group-rule-text";
import { SeatImpactLine } from "./seat-impact-note";
import { useAsync } from "../common/use-async";
import { usersText } from "./users-text";
import { useEscapeWhenFocusLost } from "../common/use-escape-when-focus-lost";

export interface DeleteRuleDialogProps {
  rule: GroupRuleView;
  onDeleted: (message: string) => void;
  onDismiss: () => void;
  isPca: boolean;
}

/** Deleting a rule asks first, with the server's count of users who lose their license. */
export function DeleteRuleDialog(props: DeleteRuleDialogProps): JSX.Element {
  useEscapeWhenFocusLost(props.onDismiss);
  const { rule } = props;
  const preview = useAsync(() => groupRulesService.deletePreview(rule.id), rule.id);
  const remove = useAction(
    () => groupRulesService.remove(rule.id),
    (answer) => props.onDeleted(answer.message),
  );
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
            <div>
              <span className="font-weight-semibold">{`Lose their license: ${usersText(preview.value.loseLicense.count)}`}</span>
              {preview.value.loseLicense.count > 0 ? (
                <span className="secondary-text">{` — ${sampleText(preview.value.loseLicense)}`}</span>
              ) : null}
            </div>
            {preview.value.keep > 0 ? (
              <div className="secondary-text">{`${usersText(preview.value.keep)} ${preview.value.keep === 1 ? "keeps" : "keep"} a license from a direct assignment or another rule.`}</div>
            ) : null}
            <SeatImpactLine impact={preview.value.impact} prefix="Seats: " isPca={props.isPca} />
          </>
        ) : null}
        {remove.error ? <ErrorCard error={remove.error} /> : null}
      </div>
    </Dialog>
  );
}
