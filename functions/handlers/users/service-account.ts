import { ServiceAccountRequest } from "../../contracts/users";
import { readJson } from "../../http/json-body";
import { defineRoute, json } from "../../http/route";
import { removeServiceAccount, saveServiceAccount, serviceAccountView } from "../../use-cases/users/service-account";
import { managerRequest } from "./users-request";

/** Whether the org's service account is set (never the token). */
defineRoute("users-service-account-get", {
  methods: ["GET"],
  route: "users/service-account",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    return json(serviceAccountView(await deps.serviceAccounts.get(manager.access.org.value.id)));
  },
});

defineRoute("users-service-account-save", {
  methods: ["POST"],
  route: "users/service-account",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const { pat } = await readJson(request, ServiceAccountRequest);
    return json(await saveServiceAccount(deps, manager, pat));
  },
});

defineRoute("users-service-account-delete", {
  methods: ["DELETE"],
  route: "users/service-account",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    return json(await removeServiceAccount(deps, manager));
  },
});
