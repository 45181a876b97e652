import { z } from "zod";
import { AdoError } from "../errors";
import { ok, type CallerContext, type Reply } from "../http";
import type { WorkItemRecord } from "../records";
import type { Route } from "../router";
import { projectNotFound } from "./core";
import { parseBody } from "./parse-body";
import { KNOWN_FIELDS, workItemShape, type WorkItemView } from "./work-item-shapes";

// Work items: one by id (org- or project-scoped), a batch by `ids`, and workitemsbatch.

const MAX_BATCH = 200;
// WorkItemExpand arrives as a name or, from azure-devops-node-api, as its enum number
// (the index in this list).
const EXPAND_NAMES = ["none", "relations", "fields", "links", "all"] as const;

export function workItemNotFound(id: number | string): AdoError {
  return new AdoError(
    404,
    `TF401232: Work item ${id} does not exist, or you do not have permissions to read it.`,
    "WorkItemUnauthorizedAccessException",
    600122,
  );
}

function viewOf(expand: string | undefined, fields: string[]): WorkItemView {
  const key = (expand ?? "none").toLowerCase();
  const name = /^\d$/.test(key) ? EXPAND_NAMES[Number(key)] : EXPAND_NAMES.find((n) => n === key);
  if (!name) throw new AdoError(400, `The value '${expand}' is not valid for $expand.`, "ArgumentException");
  if (fields.length > 0 && name !== "none") {
    throw new AdoError(
      400,
      "The expand parameter can not be used with the fields parameter.",
      "ConflictingParametersException",
    );
  }
  const unknown = fields.find((f) => !KNOWN_FIELDS.has(f.toLowerCase()));
  if (unknown)
    throw new AdoError(
      400,
      `TF51535: Cannot find field ${unknown}.`,
      "WorkItemTrackingFieldDefinitionNotFoundException",
    );
  const flags = { relations: name === "relations" || name === "all", links: name === "links" || name === "all" };
  return { ...flags, ...(fields.length > 0 ? { fields: new Set(fields.map((f) => f.toLowerCase())) } : {}) };
}

/** The item if it exists in the org (and in the route's project, when there is one). */
function findItem(ctx: CallerContext, id: number): WorkItemRecord | undefined {
  const item = ctx.org.workItems.get(id);
  const projectName = projectOfRoute(ctx);
  return item && (!projectName || item.projectName === projectName) ? item : undefined;
}

function projectOfRoute(ctx: CallerContext): string | undefined {
  if (ctx.params.project === undefined) return undefined;
  const project = ctx.org.findProject(ctx.params.project);
  if (!project) throw projectNotFound(ctx.params.project);
  return project.name;
}

function parseIds(raw: Array<string | number>): number[] {
  const ids = raw.map((v) => Number(v));
  const bad = raw.find((_, i) => !Number.isInteger(ids[i]) || ids[i] <= 0);
  if (bad !== undefined) throw new AdoError(400, `The work item id '${bad}' is not valid.`, "ArgumentException");
  if (ids.length === 0)
    throw new AdoError(400, "The ids parameter is required and must list at least one id.", "ArgumentException");
  if (ids.length > MAX_BATCH) {
    throw new AdoError(
      400,
      `The maximum number of work items that can be requested in a batch is ${MAX_BATCH}.`,
      "ArgumentException",
    );
  }
  return ids;
}

function getOne(ctx: CallerContext): Reply {
  const [id] = parseIds([ctx.params.id]);
  const item = findItem(ctx, id);
  if (!item) throw workItemNotFound(id);
  return ok(workItemShape(ctx.baseUrl, ctx.org, item, viewOf(ctx.query.get("$expand"), ctx.query.list("fields"))));
}

function batch(ctx: CallerContext, ids: number[], view: WorkItemView, errorPolicy: string | undefined): Reply {
  // errorPolicy=omit answers null for missing items; the default (fail) rejects the batch.
  const omit = ["omit", "2"].includes((errorPolicy ?? "").toLowerCase());
  const value = ids.map((id) => {
    const item = findItem(ctx, id);
    if (!item && !omit) throw workItemNotFound(id);
    return item ? workItemShape(ctx.baseUrl, ctx.org, item, view) : null;
  });
  return ok({ count: value.length, value });
}

const batchBody = z.object({
  ids: z.array(z.number()),
  fields: z.array(z.string()).optional(),
  $expand: z.union([z.string(), z.number()]).optional(),
  errorPolicy: z.union([z.string(), z.number()]).optional(),
});

async function postBatch(ctx: CallerContext): Promise<Reply> {
  const body = parseBody(batchBody, await ctx.readJson());
  const expand = body.$expand === undefined ? undefined : String(body.$expand);
  const errorPolicy = body.errorPolicy === undefined ? undefined : String(body.errorPolicy);
  return batch(ctx, parseIds(body.ids), viewOf(expand, body.fields ?? []), errorPolicy);
}

const getMany = (ctx: CallerContext): Reply =>
  batch(
    ctx,
    parseIds(ctx.query.list("ids")),
    viewOf(ctx.query.get("$expand"), ctx.query.list("fields")),
    ctx.query.get("errorPolicy"),
  );

export const workItemRoutes: Route[] = [
  { method: "GET", pattern: "/{org}/_apis/wit/workitems/{id}", kind: "org", handle: getOne },
  { method: "GET", pattern: "/{org}/{project}/_apis/wit/workitems/{id}", kind: "org", handle: getOne },
  { method: "GET", pattern: "/{org}/_apis/wit/workitems", kind: "org", handle: getMany },
  { method: "GET", pattern: "/{org}/{project}/_apis/wit/workitems", kind: "org", handle: getMany },
  { method: "POST", pattern: "/{org}/_apis/wit/workitemsbatch", kind: "org", handle: postBatch },
  { method: "POST", pattern: "/{org}/{project}/_apis/wit/workitemsbatch", kind: "org", handle: postBatch },
];
