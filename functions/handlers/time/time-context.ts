import { TimeContextQuery, type TimeContextResponse, type TimePeopleResponse } from "../../contracts/time";
import { defineRoute, json } from "../../http/route";
import { parseWith, queryObject } from "../../http/json-body";
import { peopleForPicker } from "../../use-cases/time/licensed-people";
import { timeContext } from "../../use-cases/time/time-context";
import { timeRequest } from "./time-request";

defineRoute("time-context", {
  methods: ["GET"],
  route: "time/context",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const { workItemId } = parseWith(TimeContextQuery, queryObject(request), "query");
    const body: TimeContextResponse = await timeContext(deps, actor, workItemId);
    return json(body);
  },
});

defineRoute("time-people", {
  methods: ["GET"],
  route: "time/people",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const body: TimePeopleResponse = { people: await peopleForPicker(deps, actor) };
    return json(body);
  },
});
