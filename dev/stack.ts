import path from "node:path";
import { randomBytes } from "node:crypto";
import { startChargebeeStandin, type ChargebeeStandin } from "./chargebee/index";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./cosmos/embedded-cosmos";
import { startDevopsStandin, type DevopsStandin } from "./devops/index";
import { startFunctionsHost, type FunctionsHost } from "./functions-host/server";

export const DEV_EXTENSION_SECRET = "dev-extension-secret-not-for-production";
export const DEV_EXTENSION_ID = "timetracker-oss.timetracker-dev";
/** Fixed so that secrets encrypted by one `npm start` can be read by the next. Never used in production. */
const DEV_SECRETS_KEY = Buffer.alloc(32, 7).toString("base64");
/** Basic credentials the Chargebee stand-in sends with webhooks (a real site has its own). */
export const DEV_CHARGEBEE_WEBHOOK = { username: "chargebee-dev", password: "dev-webhook-password-not-for-production" };

export interface StackPorts {
  cosmos: number;
  functions: number;
  devops: number;
  chargebee: number;
  devHost: number;
}

export const DEFAULT_PORTS: StackPorts = {
  devHost: 3000,
  functions: 7071,
  devops: 7072,
  chargebee: 7073,
  cosmos: 8081,
};
const RANDOM_PORTS: StackPorts = { devHost: 0, functions: 0, devops: 0, chargebee: 0, cosmos: 0 };

/**
 * The environment as the user gave it, before any stack wrote its app settings into
 * process.env: only these say "use the real Cosmos / Chargebee", never a value an earlier
 * stack in this process set.
 */
const USER_ENV: Readonly<NodeJS.ProcessEnv> = { ...process.env };

export interface StackOptions {
  /** Fixed ports for `npm start`; tests use random ones. */
  ports?: StackPorts | "random";
  /** Keep the embedded database and the Chargebee stand-in's state in this folder across runs. */
  dataDir?: string;
  /** A Cosmos endpoint to use instead of starting the embedded one (benchmarks run the emulator in a process of its own). */
  cosmos?: { endpoint: string; key: string };
  /** Extra app settings (e.g. a short timeout for a fault test). */
  env?: Record<string, string>;
  log?: boolean;
}

export interface BackendStack {
  /** Undefined when the stack was given a Cosmos (COSMOS_ENDPOINT, or the `cosmos` option). */
  cosmos: EmbeddedCosmos | undefined;
  devops: DevopsStandin;
  /** Undefined when CHARGEBEE_SITE points at a real Chargebee site. */
  chargebee: ChargebeeStandin | undefined;
  functions: FunctionsHost;
  /** The app settings the Functions app runs with. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the backend half of the local stack: embedded Cosmos, the Azure DevOps stand-in and
 * the local Functions host serving the real registrations. Real services replace each
 * stand-in through the same app settings (README: "Switching to the real services").
 */
export async function startBackendStack(options: StackOptions = {}): Promise<BackendStack> {
  const ports = options.ports === "random" || options.ports === undefined ? RANDOM_PORTS : options.ports;
  const started: { stop(): Promise<void> }[] = [];
  try {
    const given =
      options.cosmos ??
      (USER_ENV.COSMOS_ENDPOINT ? { endpoint: USER_ENV.COSMOS_ENDPOINT, key: USER_ENV.COSMOS_KEY ?? "" } : undefined);
    const cosmos = given
      ? undefined
      : await startEmbeddedCosmos({
          port: ports.cosmos,
          ...(options.dataDir ? { persistFile: path.join(options.dataDir, "cosmos.json") } : {}),
        });
    if (cosmos) started.push(cosmos);
    // TEMPORARY (issue 10): main's PCA check sends no permission token yet; see StandinConfig.
    const devops = await startDevopsStandin({
      port: ports.devops,
      extensionSecret: DEV_EXTENSION_SECRET,
      extensionId: DEV_EXTENSION_ID,
    });
    started.push(devops);
    const chargebee = USER_ENV.CHARGEBEE_SITE
      ? undefined
      : await startChargebeeStandin({
          port: ports.chargebee,
          // Our stored snapshots name Chargebee's subscriptions: keep both across restarts.
          ...(options.dataDir ? { persistFile: path.join(options.dataDir, "chargebee.json") } : {}),
        });
    if (chargebee) started.push(chargebee);

    const env: Record<string, string> = {
      COSMOS_ENDPOINT: cosmos?.endpoint ?? given!.endpoint,
      COSMOS_KEY: cosmos?.key ?? given!.key,
      COSMOS_DATABASE:
        USER_ENV.COSMOS_DATABASE ??
        `timetracker${options.ports === "random" ? "-" + randomBytes(4).toString("hex") : ""}`,
      ADO_ORG_URL: `${devops.url}/{org}`,
      ADO_VSSPS_URL: `${devops.url}/vssps/{org}`,
      ADO_VSAEX_URL: `${devops.url}/vsaex/{org}`,
      EXTENSION_SECRETS: DEV_EXTENSION_SECRET,
      EXTENSION_AUDIENCES: DEV_EXTENSION_ID,
      SECRETS_KEY: DEV_SECRETS_KEY,
      ...(chargebee ? chargebeeSettings(chargebee) : {}),
      ...options.env,
    };
    Object.assign(process.env, env);
    const { resetServices } = await import("../functions/app/services");
    resetServices();
    await import("../functions/index");
    const functions = await startFunctionsHost({
      port: ports.functions,
      corsOrigins: ["*"],
      log: options.log ?? false,
    });
    started.push(functions);
    // The webhook address is known only now that the Functions host listens.
    chargebee?.setWebhook({ url: `${functions.url}/api/webhooks/chargebee`, ...DEV_CHARGEBEE_WEBHOOK });

    return {
      cosmos,
      devops,
      chargebee,
      functions,
      env,
      async stop() {
        resetServices();
        // Leave process.env as the user gave it, for the next stack in this process.
        for (const key of Object.keys(env)) {
          if (USER_ENV[key] === undefined) delete process.env[key];
          else process.env[key] = USER_ENV[key];
        }
        for (const part of started.reverse()) await part.stop();
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
    throw error;
  }
}

function chargebeeSettings(standin: ChargebeeStandin): Record<string, string> {
  return {
    CHARGEBEE_SITE: standin.site,
    CHARGEBEE_API_KEY: standin.apiKey,
    CHARGEBEE_PROTOCOL: "http",
    CHARGEBEE_HOST_SUFFIX: "",
    CHARGEBEE_PORT: String(standin.port),
    CHARGEBEE_WEBHOOK_USER: DEV_CHARGEBEE_WEBHOOK.username,
    CHARGEBEE_WEBHOOK_PASSWORD: DEV_CHARGEBEE_WEBHOOK.password,
  };
}
