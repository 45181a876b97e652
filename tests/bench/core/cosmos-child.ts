/**
 * The embedded Cosmos in a process of its own (started by cosmos-process.ts), so its CPU is
 * not spent on the event loop of the Functions host being measured: in production the store
 * is another machine.
 */
import { startEmbeddedCosmos } from "../../../dev/cosmos/embedded-cosmos";

const cosmos = await startEmbeddedCosmos({ port: 0 });
process.send?.({ kind: "ready", endpoint: cosmos.endpoint, key: cosmos.key });
process.on("message", (message: { kind: string }) => {
  if (message.kind === "count") process.send?.({ kind: "count", count: cosmos.requestCount() });
  if (message.kind === "stop") void cosmos.stop().then(() => process.exit(0));
});
