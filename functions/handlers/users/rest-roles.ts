import { RestAssignBody, RestRolesQuery } from "../../contracts/rest-users";
import { parseWith, queryObject, readJson } from "../../http/json-body";
import { defineRoute, json } from "../../http/route";
import { authenticateRestToken } from "../../use-cases/users/rest-auth";
import { assignRestRoles } from "../../use-cases/users/rest-roles-assign";
import { listRestRoles } from "../../use-cases/users/rest-roles-list";
import { usersDeps } from "../../use-cases/users/users-wiring";

/** 7pace-compatible REST API for automation; authenticated with REST API tokens. */
defineRoute("rest-users-roles-list", {
  methods: ["GET"],
  route: "rest/users/roles",
  auth: "custom",
  handler: async ({ request }) => {
    const deps = usersDeps();
    const principal = await authenticateRestToken(deps, request);
    const query = parseWith(RestRolesQuery, queryObject(request), "query");
    return json(await listRestRoles(deps, principal.org.value, query));
  },
});

defineRoute("rest-users-roles-assign", {
  methods: ["POST"],
  route: "rest/users/roles",
  auth: "custom",
  handler: async ({ request }) => {
    const deps = usersDeps();
    const principal = await authenticateRestToken(deps, request);
    const { users } = await readJson(request, RestAssignBody);
    const { status, body } = await assignRestRoles(deps, principal, users);
    if (status === 422) {
      const error = { code: "validation", message: `No entry could be applied: ${body.data.failedEntries[0]?.error.message ?? "every entry failed"}` };
      return json({ ...body, error }, 422);
    }
    return json(body, status);
  },
});
