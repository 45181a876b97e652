import { TimeSettingsUpdateRequest, type TimeSettingsView } from "../../contracts/time";
import { defineRoute, json } from "../../http/route";
import { readJson } from "../../http/json-body";
import { settingsView, updateTimeSettings } from "../../use-cases/time/time-settings";
import { timeRequest } from "./time-request";

defineRoute("time-settings-read", {
  methods: ["GET"],
  route: "time-settings",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { actor } = await timeRequest(services, caller);
    const body: TimeSettingsView = settingsView(actor.settings);
    return json(body);
  },
});

defineRoute("time-settings-update", {
  methods: ["PATCH"],
  route: "time-settings",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const change = await readJson(request, TimeSettingsUpdateRequest);
    const body: TimeSettingsView = await updateTimeSettings(deps, actor, change);
    return json(body);
  },
});
