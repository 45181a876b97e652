import { ActivityTypeCreateRequest, ActivityTypeUpdateRequest, type ActivityTypesResponse } from "../../contracts/time";
import { defineRoute, json } from "../../http/route";
import { readJson } from "../../http/json-body";
import { createActivityType, loadActivityTypes, updateActivityType } from "../../use-cases/time/activity-types";
import { timeRequest } from "./time-request";

defineRoute("activity-types-list", {
  methods: ["GET"],
  route: "activity-types",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps } = await timeRequest(services, caller);
    const body: ActivityTypesResponse = { activityTypes: (await loadActivityTypes(deps, caller.orgId)).value };
    return json(body);
  },
});

defineRoute("activity-types-create", {
  methods: ["POST"],
  route: "activity-types",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const { name } = await readJson(request, ActivityTypeCreateRequest);
    const body: ActivityTypesResponse = { activityTypes: await createActivityType(deps, actor, name) };
    return json(body, 201);
  },
});

defineRoute("activity-types-update", {
  methods: ["PATCH"],
  route: "activity-types/{id}",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const change = await readJson(request, ActivityTypeUpdateRequest);
    const body: ActivityTypesResponse = {
      activityTypes: await updateActivityType(deps, actor, request.params.id ?? "", change),
    };
    return json(body);
  },
});
