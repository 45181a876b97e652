/** A REST API token as stored: only the SHA-256 of its text, never the text. */
export interface ApiTokenRecord {
  orgId: string;
  /** Hex SHA-256 of the token text: the document id, so authentication is a point read. */
  hash: string;
  /** Public id used in the list and to revoke (not the hash, so the list never leaks it). */
  id: string;
  name: string;
  hint: string;
  ownerId: string;
  ownerName: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ApiTokenStore {
  create(token: ApiTokenRecord): Promise<void>;
  findByHash(orgId: string, hash: string): Promise<ApiTokenRecord | null>;
  /** Every token of the org, or only one owner's. */
  list(orgId: string, ownerId?: string): Promise<ApiTokenRecord[]>;
  findById(orgId: string, id: string): Promise<ApiTokenRecord | null>;
  delete(orgId: string, hash: string): Promise<void>;
  markUsed(orgId: string, hash: string, at: string): Promise<void>;
}
