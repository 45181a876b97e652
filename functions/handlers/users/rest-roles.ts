import { RestAssignBody, RestRolesQuery } from "../../contracts/rest-users";
import { parseWith, queryObject, readJson } from "../../http/json-body";
import { restTokenOf } from "../../http/rest-token";
import { defineRoute, json } from "../../http/route";
import { authenticateRestToken } from "../../use-cases/users/rest-auth";
import { assignRestRoles } from "../../use-cases/users/rest-roles-assign";
import { listRestRoles } from "../../use-cases/users/rest-roles-list";

/** 7pace-compatible REST API for automation; authenticated with REST API tokens. */
defineRoute("rest-users-roles-list", {
  methods: ["GET"],
  route: "rest/users/roles",
  auth: "custom",
  handler: async ({ request, services }) => {
    const deps = services.users;
    const principal = await authenticateRestToken(deps, restTokenOf(request));
    const query = parseWith(RestRolesQuery, queryObject(request), "query");
    return json(await listRestRoles(deps, principal.org.value, query));
  },
});

defineRoute("rest-users-roles-assign", {
  methods: ["POST"],
  route: "rest/users/roles",
  auth: "custom",
  handler: async ({ request, services }) => {
    const deps = services.users;
    const principal = await authenticateRestToken(deps, restTokenOf(request));
    const { users } = await readJson(request, RestAssignBody);
    const { applied, body } = await assignRestRoles(deps, principal, users);
    if (!applied) {
      const error = {
        code: "validation",
        message: `No entry could be applied: ${body.data.failedEntries[0]?.error.message ?? "every entry failed"}`,
      };
      return json({ ...body, error }, 422);
    }
    return json(body);
  },
});
