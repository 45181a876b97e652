import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (the service account PAT). The key is app setting
 * SECRETS_KEY (base64 of 32 bytes). The org id is authenticated data, so a ciphertext copied
 * into another org's document does not decrypt.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyOf(secretsKey: string): Buffer {
  const key = Buffer.from(secretsKey, "base64");
  if (key.length !== 32) throw new Error("SECRETS_KEY must be the base64 of 32 bytes.");
  return key;
}

export function sealSecret(secretsKey: string, orgId: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secretsKey), iv);
  cipher.setAAD(Buffer.from(orgId, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
}

/** Throws when the ciphertext was tampered with, belongs to another org, or another key sealed it. */
export function openSecret(secretsKey: string, orgId: string, sealed: string): string {
  const raw = Buffer.from(sealed, "base64");
  if (raw.length <= IV_BYTES + TAG_BYTES) throw new Error("The sealed secret is too short.");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(secretsKey), raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(orgId, "utf8"));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}
