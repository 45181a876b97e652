/**
 * Containers and partition keys, designed for the access patterns:
 * - members: per org, one logical partition holding the org document (id "org": trial,
 *   default role, settings, subscription snapshot), the seat ledger and every role
 *   assignment. The org and the caller's member are two point reads in one round trip (GETs
 *   use this instance's copy of them for a few seconds, see recent-reads.ts); the
 *   licensed list, seat ledger and bulk assignments are single-partition; a transactional
 *   batch on real Cosmos could cover all three.
 * - worklogs: per org; queries by user + date and by work item stay in one partition.
 * - audit: per org, newest first.
 * - tokens: REST API tokens per org; id is the token's hash, and the token text names its org,
 *   so authentication is one point read.
 * - webhookEvents: Chargebee event ids, for de-duplication (global; events arrive before we
 *   know which org they concern).
 */
export const CONTAINERS = {
  // A rule's holders index (cosmos-rule-holder-index.ts) is read by id only: its lists of
  // thousands of entries are left out of the index, which would cost RUs on every write.
  members: { id: "members", partitionKey: "/orgId", notIndexed: ["/holders/*", "/removed/*"] },
  worklogs: { id: "worklogs", partitionKey: "/orgId" },
  audit: { id: "audit", partitionKey: "/orgId" },
  tokens: { id: "tokens", partitionKey: "/orgId" },
  webhookEvents: { id: "webhookEvents", partitionKey: "/id" },
} as const;

export type ContainerName = keyof typeof CONTAINERS;
