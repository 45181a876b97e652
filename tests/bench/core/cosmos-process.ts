import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface CosmosProcess {
  endpoint: string;
  key: string;
  /** Requests the emulator has received so far. */
  requestCount(): Promise<number>;
  stop(): Promise<void>;
}

type Message = { kind: "ready"; endpoint: string; key: string } | { kind: "count"; count: number };

function next<K extends Message["kind"]>(child: ChildProcess, kind: K): Promise<Extract<Message, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Message) => {
      if (message.kind !== kind) return;
      child.off("message", onMessage);
      resolve(message as Extract<Message, { kind: K }>);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`The Cosmos process exited (${code}) before answering.`)));
  });
}

export async function startCosmosProcess(): Promise<CosmosProcess> {
  const child = fork(fileURLToPath(new URL("./cosmos-child.ts", import.meta.url)), {
    execArgv: ["--import", import.meta.resolve("tsx")],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const { endpoint, key } = await next(child, "ready");
  return {
    endpoint,
    key,
    async requestCount() {
      const answer = next(child, "count");
      child.send({ kind: "count" });
      return (await answer).count;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.send({ kind: "stop" });
      await exited;
    },
  };
}
