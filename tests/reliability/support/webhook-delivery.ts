import { DEV_CHARGEBEE_WEBHOOK, type BackendStack } from "../../../dev/stack";

/** Posts one event to our webhook endpoint as Chargebee does (JSON, Basic auth); resolves with the status. */
export async function deliver(stack: BackendStack, event: unknown): Promise<number> {
  const { username, password } = DEV_CHARGEBEE_WEBHOOK;
  const response = await fetch(`${stack.functions.url}/api/webhooks/chargebee`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`,
    },
    body: JSON.stringify(event),
  });
  await response.arrayBuffer();
  return response.status;
}

/** A storm: every item `copies` times, in a random order (Fisher–Yates with Math.random). */
export function stormOf<T>(items: readonly T[], copies: number): T[] {
  const storm = Array.from({ length: copies }, () => items).flat();
  for (let i = storm.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [storm[i], storm[j]] = [storm[j], storm[i]];
  }
  return storm;
}
