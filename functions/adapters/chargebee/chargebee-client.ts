import Chargebee from "chargebee";
import { UpstreamError } from "../../domain/errors";

export interface ChargebeeOptions {
  site: string;
  apiKey: string;
  protocol?: "http" | "https";
  hostSuffix?: string;
  port?: number;
  timeoutMs: number;
}

/**
 * The Chargebee client from app settings. The local stand-in is addressed as site
 * `127.0.0.1` with an empty host suffix over http (docs/architecture.md, "The local stack").
 */
export function createChargebeeClient(config: ChargebeeOptions): Chargebee {
  if (!config.site || !config.apiKey) {
    throw new UpstreamError(
      "Billing is not configured (CHARGEBEE_SITE and CHARGEBEE_API_KEY are missing), so plans cannot be bought right now.",
    );
  }
  return new Chargebee({
    site: config.site,
    apiKey: config.apiKey,
    timeout: config.timeoutMs,
    ...(config.protocol ? { protocol: config.protocol } : {}),
    ...(config.hostSuffix !== undefined ? { hostSuffix: config.hostSuffix } : {}),
    ...(config.port ? { port: config.port } : {}),
  });
}

/** Header that makes a write safe to retry: Chargebee replays the first result for the same key. */
export function idempotent(key: string): { "chargebee-idempotency-key": string } {
  return { "chargebee-idempotency-key": key };
}
