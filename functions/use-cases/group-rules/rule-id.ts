/**
 * A rule's id is derived from its group's descriptor, so one group has at most one rule even
 * when two administrators create it at once (the second create conflicts). Descriptors are
 * case-sensitive base64: hashed as they are, since Cosmos ids may not hold every character.
 */
export async function ruleIdFor(groupDescriptor: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(groupDescriptor));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `rule-${hex.slice(0, 32)}`;
}
