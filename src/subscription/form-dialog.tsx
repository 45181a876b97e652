import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import { FormItem } from "azure-devops-ui/FormItem";
import { TextField } from "azure-devops-ui/TextField";
import { ErrorCard } from "../components/error-card";
import { useEscapeWhenFocusLost } from "../common/use-escape-when-focus-lost";

export interface FieldSpec<K extends string> {
  key: K;
  label: string;
  required?: boolean;
}

export interface FormDialogProps<K extends string> {
  title: string;
  fields: readonly FieldSpec<K>[];
  initial: Record<K, string>;
  busy: boolean;
  error: Error | null;
  onSubmit: (values: Record<K, string>) => void;
  onDismiss: () => void;
}

/** A popup form with an Update button (Manage Billing Address, Manage Contact). */
export function FormDialog<K extends string>(props: FormDialogProps<K>): JSX.Element {
  useEscapeWhenFocusLost(props.onDismiss);
  const [values, setValues] = React.useState(props.initial);
  const missing = props.fields.filter((f) => f.required && values[f.key].trim() === "");
  return (
    <Dialog
      titleProps={{ text: props.title }}
      onDismiss={props.onDismiss}
      footerButtonProps={[
        { text: "Cancel", onClick: props.onDismiss, disabled: props.busy },
        {
          text: "Update",
          primary: true,
          onClick: () => props.onSubmit(values),
          disabled: props.busy || missing.length > 0,
        },
      ]}
    >
      <div className="flex-column rhythm-vertical-8">
        {props.fields.map((field) => (
          <FormItem key={field.key} label={`${field.label}${field.required ? " *" : ""}`}>
            <TextField
              ariaLabel={field.label}
              value={values[field.key]}
              onChange={(_, value) => setValues((current) => ({ ...current, [field.key]: value }))}
            />
          </FormItem>
        ))}
        {props.error ? <ErrorCard error={props.error} /> : null}
      </div>
    </Dialog>
  );
}
