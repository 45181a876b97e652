import { services } from "../../../functions/app/services";

/** Every stored document as "container/id" → etag: any write, however partial, changes it. */
export type StoreSnapshot = Map<string, string>;

export async function storeSnapshot(orgId?: string): Promise<StoreSnapshot> {
  const containers = await services().db.containers();
  const snapshot: StoreSnapshot = new Map();
  for (const [name, container] of Object.entries(containers)) {
    const query = orgId
      ? { query: "SELECT c.id, c._etag FROM c WHERE c.orgId = @orgId", parameters: [{ name: "@orgId", value: orgId }] }
      : { query: "SELECT c.id, c._etag FROM c" };
    const { resources } = await container.items.query<{ id: string; _etag: string }>(query).fetchAll();
    for (const doc of resources) snapshot.set(`${name}/${doc.id}`, doc._etag);
  }
  return snapshot;
}

/** What changed between two snapshots, readable in a failed assertion. */
export function storeChanges(before: StoreSnapshot, after: StoreSnapshot): string[] {
  const changes: string[] = [];
  for (const [key, etag] of after) {
    if (!before.has(key)) changes.push(`created ${key}`);
    else if (before.get(key) !== etag) changes.push(`changed ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`deleted ${key}`);
  return changes;
}
