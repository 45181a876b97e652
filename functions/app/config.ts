import type { AppTokenOptions } from "../auth/app-token";
import type { ChargebeeOptions } from "../adapters/chargebee/chargebee-client";
import type { WebhookCredentials } from "../adapters/chargebee/chargebee-webhooks";
import type { CosmosOptions } from "../adapters/cosmos/cosmos-client";
import { DEFAULT_THROTTLE_BUDGET_MS, type DevopsOptions } from "../adapters/devops/devops-options";

/**
 * Configuration from app settings (environment). Every value has a production default or is
 * required; `npm start` and the tests set the local values (dev/stack).
 */
export interface Config {
  cosmos: CosmosOptions;
  devops: DevopsOptions;
  appToken: AppTokenOptions;
  /** Key for AES-GCM encryption of stored secrets (service account PAT), base64 of 32 bytes. */
  secretsKey: string;
  chargebee: ChargebeeOptions;
  webhook: WebhookCredentials;
  /** Where the Subscription / Permissions pages live, for links in messages. */
  publicBaseUrl: string;
  groupRules: {
    /** GROUP_RULES_SYNC_MINUTES: how often each rule re-reads its group (the timer runs every 5 minutes). */
    syncIntervalMinutes: number;
  };
}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`App setting ${name} is required.`);
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`App setting ${name} must be a positive number of minutes, not "${value}".`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cosmosEndpoint = required(env, "COSMOS_ENDPOINT");
  return {
    cosmos: {
      endpoint: cosmosEndpoint,
      key: required(env, "COSMOS_KEY"),
      database: env.COSMOS_DATABASE ?? "timetracker",
      allowSelfSignedCertificate: /^https:\/\/(127\.0\.0\.1|localhost)[:/]/.test(cosmosEndpoint),
    },
    devops: {
      coreUrl: env.ADO_ORG_URL ?? "https://dev.azure.com/{org}",
      vsspsUrl: env.ADO_VSSPS_URL ?? "https://vssps.dev.azure.com/{org}",
      vsaexUrl: env.ADO_VSAEX_URL ?? "https://vsaex.dev.azure.com/{org}",
      requestTimeoutMs: Number(env.ADO_TIMEOUT_MS ?? 10_000),
      // How long one action may wait on Azure DevOps throttling (429 + Retry-After) before a 503.
      throttleBudgetMs: Number(env.ADO_THROTTLE_BUDGET_MS ?? DEFAULT_THROTTLE_BUDGET_MS),
    },
    appToken: {
      secrets: list(required(env, "EXTENSION_SECRETS")),
      audiences: list(env.EXTENSION_AUDIENCES ?? "timetracker-oss.timetracker"),
      issuer: env.APP_TOKEN_ISSUER ?? "app.vstoken.visualstudio.com",
    },
    secretsKey: required(env, "SECRETS_KEY"),
    chargebee: {
      site: env.CHARGEBEE_SITE ?? "",
      apiKey: env.CHARGEBEE_API_KEY ?? "",
      ...(env.CHARGEBEE_PROTOCOL ? { protocol: env.CHARGEBEE_PROTOCOL as "http" | "https" } : {}),
      ...(env.CHARGEBEE_HOST_SUFFIX !== undefined ? { hostSuffix: env.CHARGEBEE_HOST_SUFFIX } : {}),
      ...(env.CHARGEBEE_PORT ? { port: Number(env.CHARGEBEE_PORT) } : {}),
      // The client's default is 80 s; a buyer waiting on a button deserves an answer sooner.
      timeoutMs: Number(env.CHARGEBEE_TIMEOUT_MS ?? 20_000),
    },
    webhook: { username: env.CHARGEBEE_WEBHOOK_USER ?? "", password: env.CHARGEBEE_WEBHOOK_PASSWORD ?? "" },
    publicBaseUrl: env.PUBLIC_BASE_URL ?? "https://dev.azure.com",
    groupRules: { syncIntervalMinutes: positive(env, "GROUP_RULES_SYNC_MINUTES", 15) },
  };
}
