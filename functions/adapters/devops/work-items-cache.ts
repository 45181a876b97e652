import { createHash } from "node:crypto";
import { ExpiringCache } from "../../auth/expiring-cache";
import type { WorkItemDirectory, WorkItemInfo } from "../../ports/work-item-directory";

/** Long enough to spare Azure DevOps on a burst of saves, short enough that a closed item is soon closed for us too. */
export const WORK_ITEM_CACHE_MS = 60_000;

/**
 * Remembers Azure DevOps' answers briefly, per access token (what one user may see is not
 * what another may), including "does not exist".
 */
export class CachedWorkItemDirectory implements WorkItemDirectory {
  private readonly cache: ExpiringCache<WorkItemInfo | null>;

  constructor(
    private readonly inner: WorkItemDirectory,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = WORK_ITEM_CACHE_MS,
  ) {
    this.cache = new ExpiringCache(20_000, now);
  }

  private key(orgName: string, accessToken: string, id: number): string {
    const token = createHash("sha256").update(accessToken).digest("base64url");
    return `${orgName.toLowerCase()}:${token}:${id}`;
  }

  find(orgName: string, accessToken: string, id: number): Promise<WorkItemInfo | null> {
    return this.cache.getOrLoad(this.key(orgName, accessToken, id), async () => ({
      value: await this.inner.find(orgName, accessToken, id),
      expiresAt: this.now() + this.ttlMs,
    }));
  }

  async findMany(orgName: string, accessToken: string, ids: number[]): Promise<WorkItemInfo[]> {
    const found = await this.inner.findMany(orgName, accessToken, ids);
    const expiresAt = this.now() + this.ttlMs;
    for (const item of found) this.cache.set(this.key(orgName, accessToken, item.id), item, expiresAt);
    return found;
  }
}
