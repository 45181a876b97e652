import { DirectoryQuery, GroupMembersQuery, GroupSearchQuery, UserLookupQuery } from "../../contracts/users";
import { parseWith, queryObject } from "../../http/json-body";
import { defineRoute, json } from "../../http/route";
import {
  groupMembers,
  listUnlicensedUsers,
  lookupUserByEmail,
  searchGroups,
} from "../../use-cases/users/directory-users";
import { managerRequest } from "./users-request";

/** "+ Add Users": organization users without a seat, from Azure DevOps (caller's token). */
defineRoute("users-unlicensed", {
  methods: ["GET"],
  route: "users/unlicensed",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const query = parseWith(DirectoryQuery, queryObject(request), "query");
    return json(await listUnlicensedUsers(deps, manager, query));
  },
});

defineRoute("users-groups", {
  methods: ["GET"],
  route: "users/groups",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const { query } = parseWith(GroupSearchQuery, queryObject(request), "query");
    return json(await searchGroups(deps, manager, query));
  },
});

/** A group's members now, nested groups expanded (the descriptor travels in the query string). */
defineRoute("users-group-members", {
  methods: ["GET"],
  route: "users/group-members",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const { descriptor } = parseWith(GroupMembersQuery, queryObject(request), "query");
    return json(await groupMembers(deps, manager, descriptor));
  },
});

/** Add by e-mail address: works on Azure DevOps Services and Server (Identities API). */
defineRoute("users-lookup", {
  methods: ["GET"],
  route: "users/lookup",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const { email } = parseWith(UserLookupQuery, queryObject(request), "query");
    return json(await lookupUserByEmail(deps, manager, email));
  },
});
