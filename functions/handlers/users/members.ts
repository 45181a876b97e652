import { LicensedIdsQuery, ListMembersQuery } from "../../contracts/users";
import { parseWith, queryObject } from "../../http/json-body";
import { defineRoute, json } from "../../http/route";
import { licensedIds, licensedRules, listLicensedMembers } from "../../use-cases/users/list-members";
import { managerRequest } from "./users-request";

/** The licensed users, a page at a time (search, sort, source, inactiveDays, continuation token). */
defineRoute("users-licensed", {
  methods: ["GET"],
  route: "users/licensed",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const query = parseWith(ListMembersQuery, queryObject(request), "query");
    return json(await listLicensedMembers(deps, manager.access.org.value, query));
  },
});

/** "Select all": the ids of every licensed user the search and filters cover. */
defineRoute("users-licensed-ids", {
  methods: ["GET"],
  route: "users/licensed/ids",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const query = parseWith(LicensedIdsQuery, queryObject(request), "query");
    return json(await licensedIds(deps, manager.access.org.value, query));
  },
});

/** The group rules the licensed list can be filtered by (those that license members now). */
defineRoute("users-licensed-rules", {
  methods: ["GET"],
  route: "users/licensed/rules",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    return json(await licensedRules(deps, manager.access.org.value));
  },
});
