import { AuditQuery, type AuditResponse } from "../../contracts/users";
import { parseWith, queryObject } from "../../http/json-body";
import { defineRoute, json } from "../../http/route";
import { readAuditTrail } from "../../use-cases/users/audit-trail";
import { managerRequest } from "./users-request";

/** Role changes, newest first, a page at a time. */
defineRoute("users-audit", {
  methods: ["GET"],
  route: "users/audit",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const { continuation } = parseWith(AuditQuery, queryObject(request), "query");
    const page = await readAuditTrail(deps, manager.access.org.value.id, continuation ?? null);
    const body: AuditResponse = {
      entries: page.entries.map(({ orgId: _orgId, ...entry }) => entry),
      continuationToken: page.continuation,
    };
    return json(body);
  },
});
