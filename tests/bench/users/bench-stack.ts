import { startBackendStack, type BackendStack } from "../../../dev/stack";
import { services } from "../../../functions/app/services";
import { api, signIn, type SignedIn } from "../../integration/support/sign-in";
import { startCosmosProcess, type CosmosProcess } from "../core/cosmos-process";

export interface UsersBench {
  stack: BackendStack;
  cosmos: CosmosProcess;
  priya: SignedIn;
  stop(): Promise<void>;
}

/**
 * The backend stack over an embedded Cosmos in its own process (its CPU is not spent on the
 * Functions host being measured), with fabrikam created by Priya (PCA, Administrator).
 * COSMOS_* are set for this stack and put back afterwards.
 */
export async function startUsersBench(): Promise<UsersBench> {
  const saved = { endpoint: process.env.COSMOS_ENDPOINT, key: process.env.COSMOS_KEY };
  const restore = () => {
    for (const [name, value] of [["COSMOS_ENDPOINT", saved.endpoint], ["COSMOS_KEY", saved.key]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  const cosmos = await startCosmosProcess();
  process.env.COSMOS_ENDPOINT = cosmos.endpoint;
  process.env.COSMOS_KEY = cosmos.key;
  let stack: BackendStack;
  try {
    stack = await startBackendStack({ ports: "random" });
  } catch (error) {
    restore();
    await cosmos.stop();
    throw error;
  }
  const priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
  const me = await api(stack, priya, "GET", "me");
  if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}`);
  return {
    stack,
    cosmos,
    priya,
    async stop() {
      await stack.stop();
      await cosmos.stop();
      restore();
    },
  };
}

/** Median of timed runs of `fn` after `warmup` untimed ones. */
export async function medianMs(samples: number, warmup: number, fn: (i: number) => Promise<void>): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    const t0 = performance.now();
    await fn(i);
    if (i >= warmup) all.push(performance.now() - t0);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { median: Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10, all: all.map((v) => Math.round(v)) };
}

export const store = () => services();
