import { z } from "zod";
import type { WorkItemTimeResponse } from "../../contracts/time";
import { defineRoute, json } from "../../http/route";
import { parseWith } from "../../http/json-body";
import { workItemTime } from "../../use-cases/time/work-item-time";
import { timeRequest } from "./time-request";

const Params = z.object({ id: z.coerce.number().int().positive("must be a positive work item id") });

defineRoute("work-item-time", {
  methods: ["GET"],
  route: "work-items/{id}/time",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const { id } = parseWith(Params, { id: request.params.id }, "work item id");
    const body: WorkItemTimeResponse = await workItemTime(deps, actor, id);
    return json(body);
  },
});
