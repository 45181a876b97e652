import { DeleteWorklogQuery, UpdateWorklogRequest, type WorklogView } from "../../contracts/time";
import { defineRoute, json } from "../../http/route";
import { parseWith, queryObject, readJson } from "../../http/json-body";
import { deleteWorklog } from "../../use-cases/time/delete-worklog";
import { readableWorklog } from "../../use-cases/time/editable-worklog";
import { updateWorklog } from "../../use-cases/time/update-worklog";
import { worklogView } from "../../use-cases/time/worklog-view";
import { requiredEtag } from "./etag";
import { timeRequest } from "./time-request";

const ROUTE = "worklogs/{id}";

defineRoute("worklog-read", {
  methods: ["GET"],
  route: ROUTE,
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const found = await readableWorklog(deps, actor, request.params.id ?? "");
    const body: WorklogView = worklogView(found, actor);
    return json(body, 200, { ETag: found.etag });
  },
});

defineRoute("worklog-update", {
  methods: ["PATCH"],
  route: ROUTE,
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const change = await readJson(request, UpdateWorklogRequest);
    const etag = requiredEtag(request, change.etag);
    const updated = await updateWorklog(deps, actor, request.params.id ?? "", { ...change, etag });
    const body: WorklogView = worklogView(updated, actor);
    return json(body, 200, { ETag: updated.etag });
  },
});

defineRoute("worklog-delete", {
  methods: ["DELETE"],
  route: ROUTE,
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const query = parseWith(DeleteWorklogQuery, queryObject(request), "query");
    await deleteWorklog(deps, actor, request.params.id ?? "", requiredEtag(request, query.etag));
    return { status: 204 };
  },
});
