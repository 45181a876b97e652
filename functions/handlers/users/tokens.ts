import { CreateTokenRequest } from "../../contracts/users";
import { ValidationError } from "../../domain/errors";
import { readJson } from "../../http/json-body";
import { defineRoute, json } from "../../http/route";
import { createApiToken, listApiTokens, revokeApiToken } from "../../use-cases/users/api-tokens";
import { managerRequest } from "./users-request";

defineRoute("tokens-list", {
  methods: ["GET"],
  route: "tokens",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    return json(await listApiTokens(deps, manager));
  },
});

/** A new REST API token for the caller; the answer is the only time its text is shown. */
defineRoute("tokens-create", {
  methods: ["POST"],
  route: "tokens",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const { name } = await readJson(request, CreateTokenRequest);
    return json(await createApiToken(deps, manager, name), 201, { "Cache-Control": "no-store" });
  },
});

defineRoute("tokens-revoke", {
  methods: ["DELETE"],
  route: "tokens/{id}",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const id = request.params.id ?? "";
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ValidationError("The token id is not valid.");
    await revokeApiToken(deps, manager, id.toLowerCase());
    return { status: 204 };
  },
});
