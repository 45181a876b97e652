import type { Customer } from "chargebee";
import {
  applyProfile,
  checkEmail,
  customerContent,
  mergeBillingAddress,
  newCustomer,
  readAddress,
  readProfile,
} from "../customer-record";
import type { Env } from "../env";
import { duplicateEntry, paramWrongValue, resourceNotFound } from "../errors";
import type { FormReader } from "../form-reader";
import { pathParam, type ApiHandler } from "../handler";
import { listResponse, newestFirst } from "../lists";
import type { Router } from "../router";

type Contact = NonNullable<Customer["contacts"]>[number];

export function customerRoutes(router: Router<ApiHandler>): void {
  router
    .add("POST", "/customers", create)
    .add("GET", "/customers", (env, { query }) =>
      listResponse([...env.store.customers.values()], query, {
        key: "customer",
        filters: { id: "string", email: "string", company: "string", created_at: "timestamp", updated_at: "timestamp" },
        sortable: ["created_at", "updated_at"],
        defaultOrder: newestFirst((customer) => customer.created_at),
        extras: (customer) => {
          const card = env.store.cards.get(customer.id);
          return card ? { card } : {};
        },
      }),
    )
    .add("GET", "/customers/:id", (env, request) =>
      customerContent(env.store, env.store.customer(pathParam(request, "id"))),
    )
    .add("POST", "/customers/:id", update)
    .add("POST", "/customers/:id/update_billing_info", updateBillingInfo)
    .add("GET", "/customers/:id/contacts", (env, request) => {
      const customer = env.store.customer(pathParam(request, "id"));
      return listResponse(customer.contacts ?? [], request.query, { key: "contact", filters: {} });
    })
    .add("POST", "/customers/:id/add_contact", addContact)
    .add("POST", "/customers/:id/update_contact", updateContact);
}

const create: ApiHandler = (env, { body }) => {
  const { store } = env;
  const id = body.string("id") || store.randomId();
  if (store.customers.has(id)) throw duplicateEntry("id", id);
  const now = env.now();
  const customer = newCustomer(id, readProfile(body), now);
  if (body.has("billing_address")) mergeBillingAddress(customer, readAddress(body.object("billing_address")));
  applyAccountSettings(customer, body);
  store.touch(customer, now);
  store.customers.set(id, customer);
  env.emit("customer_created", customerContent(store, customer));
  return customerContent(store, customer);
};

const update: ApiHandler = (env, request) => {
  const customer = env.store.customer(pathParam(request, "id"));
  applyProfile(customer, readProfile(request.body));
  applyAccountSettings(customer, request.body);
  return changed(env, customer);
};

const updateBillingInfo: ApiHandler = (env, request) => {
  const customer = env.store.customer(pathParam(request, "id"));
  const { body } = request;
  if (body.has("billing_address")) mergeBillingAddress(customer, readAddress(body.object("billing_address")));
  const vat = body.string("vat_number");
  if (vat !== undefined) {
    if (vat === "") delete customer.vat_number;
    else customer.vat_number = vat;
  }
  return changed(env, customer);
};

const addContact: ApiHandler = (env, request) => {
  const customer = env.store.customer(pathParam(request, "id"));
  const input = request.body.object("contact");
  const email = input.requiredString("email").trim();
  checkEmail(email, input.param("email"));
  const contacts = customer.contacts ?? [];
  const id = input.string("id") || env.store.randomId();
  if (contacts.some((contact) => contact.id === id)) throw duplicateEntry(input.param("id"), id);
  const contact: Contact & { object: "contact" } = {
    id,
    email,
    enabled: false,
    send_account_email: false,
    send_billing_email: false,
    object: "contact",
  };
  applyContactFields(contact, input);
  customer.contacts = [...contacts, contact];
  return changed(env, customer);
};

const updateContact: ApiHandler = (env, request) => {
  const customer = env.store.customer(pathParam(request, "id"));
  const input = request.body.object("contact");
  const id = input.requiredString("id");
  const contact = customer.contacts?.find((candidate) => candidate.id === id);
  if (!contact) throw resourceNotFound("Contact", id, input.param("id"));
  const email = input.string("email");
  if (email !== undefined) {
    checkEmail(email.trim(), input.param("email"));
    contact.email = email.trim();
  }
  applyContactFields(contact, input);
  return changed(env, customer);
};

function applyContactFields(contact: Contact, input: FormReader): void {
  for (const field of ["first_name", "last_name", "phone", "label"] as const) {
    const value = input.string(field);
    if (value === undefined) continue;
    if (value.trim() === "") delete contact[field];
    else contact[field] = value.trim();
  }
  contact.enabled = input.boolean("enabled") ?? contact.enabled;
  contact.send_billing_email = input.boolean("send_billing_email") ?? contact.send_billing_email;
  contact.send_account_email = input.boolean("send_account_email") ?? contact.send_account_email;
}

function applyAccountSettings(customer: Customer, body: FormReader): void {
  const autoCollection = body.oneOf("auto_collection", ["on", "off"] as const);
  if (autoCollection) customer.auto_collection = autoCollection;
  const netTermDays = body.integer("net_term_days", { min: 0 });
  if (netTermDays !== undefined) customer.net_term_days = netTermDays;
  if (body.has("meta_data")) {
    const metaData = body.json("meta_data");
    if (typeof metaData !== "object" || metaData === null || Array.isArray(metaData)) {
      throw paramWrongValue("meta_data", "must be a JSON object");
    }
    customer.meta_data = metaData;
  }
  const notes = body.string("invoice_notes");
  if (notes !== undefined) customer.invoice_notes = notes;
}

function changed(env: Env, customer: Customer): object {
  env.store.touch(customer, env.now());
  const content = customerContent(env.store, customer);
  env.emit("customer_changed", content);
  return content;
}
