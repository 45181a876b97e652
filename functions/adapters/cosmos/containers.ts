/**
 * Containers and partition keys, designed for the access patterns:
 * - orgs: one document per org, point reads by id on every call.
 * - members: every role assignment of an org in one logical partition (the licensed list,
 *   seat ledger and bulk assignments are single-partition; the ledger sits beside the rows
 *   it counts so a transactional batch could cover both on real Cosmos).
 * - worklogs: per org; queries by user + date and by work item stay in one partition.
 * - audit: per org, newest first.
 * - tokens: REST API tokens per org; id is the token's hash, and the token text names its org,
 *   so authentication is one point read.
 * - webhookEvents: Chargebee event ids, for de-duplication (global; events arrive before we
 *   know which org they concern).
 */
export const CONTAINERS = {
  orgs: { id: "orgs", partitionKey: "/id" },
  members: { id: "members", partitionKey: "/orgId" },
  worklogs: { id: "worklogs", partitionKey: "/orgId" },
  audit: { id: "audit", partitionKey: "/orgId" },
  tokens: { id: "tokens", partitionKey: "/orgId" },
  webhookEvents: { id: "webhookEvents", partitionKey: "/id" },
} as const;

export type ContainerName = keyof typeof CONTAINERS;
