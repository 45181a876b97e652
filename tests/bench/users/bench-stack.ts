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
 */
export async function startUsersBench(): Promise<UsersBench> {
  const cosmos = await startCosmosProcess();
  let stack: BackendStack;
  try {
    stack = await startBackendStack({ ports: "random", cosmos: { endpoint: cosmos.endpoint, key: cosmos.key } });
  } catch (error) {
    await cosmos.stop();
    throw error;
  }
  const priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
  const me = await api(stack, priya, "GET", "me");
  if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}`);
  // The figures are only what they say if the host's store is the process of its own.
  if ((await cosmos.requestCount()) === 0)
    throw new Error("The Functions host never reached the benchmark's Cosmos process.");
  return {
    stack,
    cosmos,
    priya,
    async stop() {
      await stack.stop();
      await cosmos.stop();
    },
  };
}

/** Median of timed runs of `fn` after `warmup` untimed ones. */
export async function medianMs(
  samples: number,
  warmup: number,
  fn: (i: number) => Promise<void>,
): Promise<{ median: number; all: number[] }> {
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
