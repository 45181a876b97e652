import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { AsyncContent } from "../components/async-content";
import { ErrorCard } from "../components/error-card";
import {
  billingService,
  newRequestId,
  openInNewWindow,
  type BillingAddress,
  type ContactInfo,
  type CustomerDetails,
} from "../services/billing-service";
import { FormDialog, type FieldSpec } from "./form-dialog";
import { useAction } from "../common/use-action";
import { useLoaded } from "./use-loaded";

type AddressKey = Exclude<keyof BillingAddress, never>;
type ContactKey = keyof ContactInfo;

const ADDRESS_FIELDS: FieldSpec<AddressKey>[] = [
  { key: "firstName", label: "First name", required: true },
  { key: "lastName", label: "Last name", required: true },
  { key: "company", label: "Company" },
  { key: "email", label: "Email" },
  { key: "phone", label: "Phone" },
  { key: "line1", label: "Address line 1", required: true },
  { key: "line2", label: "Address line 2" },
  { key: "city", label: "City", required: true },
  { key: "state", label: "State / province" },
  { key: "zip", label: "ZIP / postal code", required: true },
  { key: "country", label: "Country (two-letter code)", required: true },
];

const CONTACT_FIELDS: FieldSpec<ContactKey>[] = [
  { key: "firstName", label: "First name", required: true },
  { key: "lastName", label: "Last name", required: true },
  { key: "email", label: "Email", required: true },
  { key: "phone", label: "Phone" },
  { key: "company", label: "Company" },
];

function filled<K extends string>(
  fields: readonly FieldSpec<K>[],
  source: Partial<Record<K, string>> | null,
): Record<K, string> {
  return Object.fromEntries(fields.map((f) => [f.key, source?.[f.key] ?? ""])) as Record<K, string>;
}

/** Empty optional fields are sent empty, so a cleared phone number is cleared in Chargebee too. */
function trimmed<K extends string>(values: Record<K, string>): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(values).map(([k, v]) => [k, v.trim()])) as Record<K, string>;
}

/** The Billing tab: Billing Address, Payment Details and Contact Info, each kept in Chargebee. */
export function BillingTab(): JSX.Element {
  const [state, controls] = useLoaded(() => billingService.billingDetails());
  return (
    <AsyncContent state={state}>
      {({ customer }) =>
        customer ? (
          <BillingDetails customer={customer} onUpdated={(next) => controls.set({ customer: next })} />
        ) : (
          <Card>
            <div>Billing details are created with your first purchase. Use Buy Now on the Subscription tab.</div>
          </Card>
        )
      }
    </AsyncContent>
  );
}

function BillingDetails(props: {
  customer: CustomerDetails;
  onUpdated: (customer: CustomerDetails) => void;
}): JSX.Element {
  const { customer } = props;
  const [editing, setEditing] = React.useState<"address" | "contact" | null>(null);
  const requestId = React.useMemo(newRequestId, [editing]);
  const updated = (response: { customer: CustomerDetails | null }) => {
    if (response.customer) props.onUpdated(response.customer);
    setEditing(null);
  };
  const saveAddress = useAction(
    (values: Record<AddressKey, string>) => billingService.updateBillingAddress(values, requestId),
    updated,
  );
  const saveContact = useAction(
    (values: Record<ContactKey, string>) => billingService.updateContact(values, requestId),
    updated,
  );
  const payment = useAction(
    async () => openInNewWindow((await billingService.paymentPage(newRequestId())).url),
    () => undefined,
  );
  const address = customer.billingAddress;
  const card = customer.paymentMethod;
  return (
    <div className="flex-column rhythm-vertical-16">
      <Card titleProps={{ text: "Billing Address" }}>
        <div className="flex-column rhythm-vertical-8" role="group" aria-label="Billing Address">
          {address ? (
            <div>
              <div>{`${address.firstName} ${address.lastName}`}</div>
              {address.company ? <div>{address.company}</div> : null}
              <div>{[address.line1, address.line2].filter(Boolean).join(", ")}</div>
              <div>{[address.zip, address.city, address.state, address.country].filter(Boolean).join(" ")}</div>
            </div>
          ) : (
            <div className="secondary-text">No billing address yet.</div>
          )}
          <div>
            <Button text="Manage Billing Address" onClick={() => setEditing("address")} />
          </div>
        </div>
      </Card>
      <Card titleProps={{ text: "Payment Details" }}>
        <div className="flex-column rhythm-vertical-8" role="group" aria-label="Payment Details">
          <div>
            {card
              ? `${card.brand} ending in ${card.last4}${card.expiryMonth && card.expiryYear ? `, expires ${String(card.expiryMonth).padStart(2, "0")}/${card.expiryYear}` : ""}`
              : "No payment method yet."}
          </div>
          {payment.error ? <ErrorCard error={payment.error} /> : null}
          <div>
            <Button text="Adjust Payment Details" disabled={payment.busy} onClick={() => payment.run()} />
          </div>
        </div>
      </Card>
      <Card titleProps={{ text: "Contact Info" }}>
        <div className="flex-column rhythm-vertical-8" role="group" aria-label="Contact Info">
          <div>{`${customer.contact.firstName} ${customer.contact.lastName}`.trim() || "—"}</div>
          <div>{customer.contact.email}</div>
          {customer.contact.phone ? <div>{customer.contact.phone}</div> : null}
          <div>
            <Button text="Manage Contact" onClick={() => setEditing("contact")} />
          </div>
        </div>
      </Card>
      {editing === "address" ? (
        <FormDialog
          title="Billing Address"
          fields={ADDRESS_FIELDS}
          initial={filled(ADDRESS_FIELDS, address)}
          busy={saveAddress.busy}
          error={saveAddress.error}
          onSubmit={(values) => saveAddress.run(trimmed(values))}
          onDismiss={() => setEditing(null)}
        />
      ) : null}
      {editing === "contact" ? (
        <FormDialog
          title="Contact Info"
          fields={CONTACT_FIELDS}
          initial={filled(CONTACT_FIELDS, customer.contact)}
          busy={saveContact.busy}
          error={saveContact.error}
          onSubmit={(values) => saveContact.run(trimmed(values))}
          onDismiss={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
