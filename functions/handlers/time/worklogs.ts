import {
  CreateWorklogRequest,
  ListWorklogsQuery,
  type ListWorklogsResponse,
  type WorklogView,
} from "../../contracts/time";
import { defineRoute, json } from "../../http/route";
import { parseWith, queryObject, readJson } from "../../http/json-body";
import { createWorklog } from "../../use-cases/time/create-worklog";
import { listWorklogs } from "../../use-cases/time/list-worklogs";
import { worklogView } from "../../use-cases/time/worklog-view";
import { timeRequest } from "./time-request";

defineRoute("worklogs-list", {
  methods: ["GET"],
  route: "worklogs",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const query = parseWith(ListWorklogsQuery, queryObject(request), "query");
    const body: ListWorklogsResponse = await listWorklogs(deps, actor, query);
    return json(body);
  },
});

defineRoute("worklogs-create", {
  methods: ["POST"],
  route: "worklogs",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const input = await readJson(request, CreateWorklogRequest);
    const created = await createWorklog(deps, actor, input);
    const body: WorklogView = worklogView(created, actor);
    return json(body, 201, { ETag: created.etag });
  },
});
