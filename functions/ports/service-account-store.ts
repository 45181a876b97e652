/** The org's service account: a PAT stored encrypted (AES-GCM), never returned. */
export interface ServiceAccountRecord {
  orgId: string;
  /** base64 of iv (12 bytes) + auth tag (16 bytes) + ciphertext. */
  encryptedPat: string;
  /** The Azure DevOps user the PAT belongs to. */
  accountId: string;
  accountName: string;
  savedBy: { id: string; displayName: string };
  savedAt: string;
  /**
   * Where the org lived when it was saved, as the saving PCA's sign-in said (connectionData):
   * what a REST token's requests go by, since a token does not say. Absent on records saved
   * before it was kept: taken as Azure DevOps Services.
   */
  deployment?: "services" | "server";
}

export interface ServiceAccountStore {
  get(orgId: string): Promise<ServiceAccountRecord | null>;
  put(record: ServiceAccountRecord): Promise<void>;
  delete(orgId: string): Promise<void>;
}
