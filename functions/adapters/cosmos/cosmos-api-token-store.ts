import type { Container } from "@azure/cosmos";
import type { ApiTokenRecord, ApiTokenStore } from "../../ports/api-token-store";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";

/** Token documents: id = SHA-256 of the token text, in the org's partition of `tokens`. */
type TokenDocument = Omit<ApiTokenRecord, "hash"> & { id: string; tokenId: string; type: "apiToken" };

const toDocument = (t: ApiTokenRecord): TokenDocument => {
  const { hash, id, ...rest } = t;
  return { ...rest, id: hash, tokenId: id, type: "apiToken" };
};

const asRecord = (d: TokenDocument): ApiTokenRecord => ({
  orgId: d.orgId,
  hash: d.id,
  id: d.tokenId,
  name: d.name,
  hint: d.hint,
  ownerId: d.ownerId,
  ownerName: d.ownerName,
  createdAt: d.createdAt,
  lastUsedAt: d.lastUsedAt ?? null,
});

export class CosmosApiTokenStore implements ApiTokenStore {
  constructor(private readonly db: CosmosDatabase) {}

  private async container(): Promise<Container> {
    return (await storeCall("Opening the database", () => this.db.containers())).tokens;
  }

  async create(token: ApiTokenRecord): Promise<void> {
    const tokens = await this.container();
    await storeCall("Saving the token", () => tokens.items.create(toDocument(token)));
  }

  async findByHash(orgId: string, hash: string): Promise<ApiTokenRecord | null> {
    const tokens = await this.container();
    return storeCall("Reading the token", async () => {
      const { resource, statusCode } = await tokens.item(hash, orgId).read<TokenDocument>();
      return statusCode === 404 || !resource || resource.type !== "apiToken" ? null : asRecord(resource);
    });
  }

  async list(orgId: string, ownerId?: string): Promise<ApiTokenRecord[]> {
    const tokens = await this.container();
    const owner = ownerId ? " AND c.ownerId = @ownerId" : "";
    const { resources } = await storeCall("Listing the tokens", () =>
      tokens.items
        .query<TokenDocument>(
          {
            query: `SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'apiToken'${owner} ORDER BY c.createdAt DESC`,
            parameters: [{ name: "@orgId", value: orgId }, ...(ownerId ? [{ name: "@ownerId", value: ownerId }] : [])],
          },
          { partitionKey: orgId },
        )
        .fetchAll(),
    );
    return resources.map(asRecord);
  }

  async findById(orgId: string, id: string): Promise<ApiTokenRecord | null> {
    const tokens = await this.container();
    const { resources } = await storeCall("Reading the token", () =>
      tokens.items
        .query<TokenDocument>(
          {
            query: "SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'apiToken' AND c.tokenId = @id",
            parameters: [
              { name: "@orgId", value: orgId },
              { name: "@id", value: id },
            ],
          },
          { partitionKey: orgId },
        )
        .fetchAll(),
    );
    return resources[0] ? asRecord(resources[0]) : null;
  }

  async delete(orgId: string, hash: string): Promise<void> {
    const tokens = await this.container();
    await storeCall("Revoking the token", () => tokens.item(hash, orgId).delete());
  }

  async markUsed(orgId: string, hash: string, at: string): Promise<void> {
    const tokens = await this.container();
    await storeCall("Recording the token's use", () =>
      tokens.item(hash, orgId).patch([{ op: "set", path: "/lastUsedAt", value: at }]),
    );
  }
}
