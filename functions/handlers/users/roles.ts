import {
  AssignRolesRequest,
  DefaultRoleRequest,
  HoldIdParam,
  RoleChangeRequest,
  type DefaultRoleResponse,
} from "../../contracts/users";
import { parseWith, readJson } from "../../http/json-body";
import { defineRoute, json } from "../../http/route";
import { assignRoles } from "../../use-cases/users/assign-roles";
import { previewRoleChanges } from "../../use-cases/users/preview-role-changes";
import { seatSummary } from "../../use-cases/users/member-views";
import { holdSeats, releaseSeatHold } from "../../use-cases/users/hold-seats";
import { setDefaultRole } from "../../use-cases/users/set-default-role";
import { managerRequest } from "./users-request";

/** One role for a batch of users (the page sends batches of 500 and shows progress). */
defineRoute("users-assign-roles", {
  methods: ["POST"],
  route: "users/roles",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const body = await readJson(request, AssignRolesRequest);
    return json(await assignRoles(deps, manager, body));
  },
});

defineRoute("users-default-role", {
  methods: ["PATCH"],
  route: "users/default-role",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const { role } = await readJson(request, DefaultRoleRequest);
    const org = await setDefaultRole(deps, manager, role);
    const body: DefaultRoleResponse = {
      defaultRole: org.defaultRole,
      seats: await seatSummary(deps, org),
      message: "Role was successfully changed",
    };
    return json(body);
  },
});

/** What POST users/roles would do with the same body, writing nothing (seats, cost, who cannot change). */
defineRoute("users-preview-roles", {
  methods: ["POST"],
  route: "users/roles/preview",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const body = await readJson(request, RoleChangeRequest);
    return json(await previewRoleChanges(deps, manager, body));
  },
});

/**
 * Keeps the seats a change the page sends in several batches needs, so no change racing it
 * between two batches takes them: refused (409 with the seat limit) when they are not free.
 */
defineRoute("users-hold-seats", {
  methods: ["POST"],
  route: "users/roles/holds",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    const body = await readJson(request, AssignRolesRequest);
    return json(await holdSeats(deps, manager, body));
  },
});

/** Ends a hold once its change is done (or given up); a hold nobody ends lapses by itself. */
defineRoute("users-release-seat-hold", {
  methods: ["DELETE"],
  route: "users/roles/holds/{holdId}",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    await releaseSeatHold(deps, manager, parseWith(HoldIdParam, request.params.holdId ?? "", "hold id"));
    return { status: 204 };
  },
});
