/**
 * `npm start`: the whole product locally, with no cloud account. Starts the embedded Cosmos
 * (data kept in .data/), the Azure DevOps and Chargebee stand-ins, the local Functions host
 * with the real registrations, the front end (rebuilt on change) and the dev host page
 * that frames every contribution. Ctrl-C stops everything.
 */
import path from "node:path";
import { buildFrontEnd } from "./build/build";
import { startDevHost } from "./host/server";
import { REPO_ROOT } from "./repo-root";
import { DEFAULT_PORTS, startBackendStack } from "./stack";

/** The local host runs timers only when asked; `npm start` syncs group rules every minute so a change shows soon. */
const GROUP_RULES_EVERY_MS = 60_000;

async function main(): Promise<void> {
  process.env.GROUP_RULES_SYNC_MINUTES ??= "1";
  const backend = await startBackendStack({ ports: DEFAULT_PORTS, dataDir: path.join(REPO_ROOT, ".data"), log: true });
  const apiUrl = `http://localhost:${backend.functions.port}`;
  const frontEnd = await buildFrontEnd({
    apiBaseUrl: apiUrl,
    watch: true,
    onRebuild: ({ errors }) =>
      console.log(errors ? `front end: rebuild failed (${errors} errors)` : "front end: rebuilt"),
  });
  const devHost = await startDevHost({
    port: DEFAULT_PORTS.devHost,
    host: "127.0.0.1",
    repoRoot: REPO_ROOT,
    devopsUrl: backend.devops.url,
    apiUrl,
    ...(backend.chargebee ? { chargebeeUrl: backend.chargebee.url } : {}),
  });
  const devHostUrl = `http://localhost:${devHost.port}`;
  const groupRules = setInterval(() => {
    backend.functions.runTimer("group-rules-sync").catch((error: unknown) => {
      console.error(`group rules sync: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, GROUP_RULES_EVERY_MS);

  console.log(`
Timetracker is running.

  Open           ${devHostUrl}/?user=priya.patel@fabrikam.example#/hub
  Groups         ${devHostUrl}/#/standin/groups   (dev only: add or remove members of the stand-in's groups)
                 group rules sync every minute here (GROUP_RULES_SYNC_MINUTES=1), or at once with Sync now
  Functions API  ${apiUrl}/api/health
  Azure DevOps   ${backend.devops.url}   (stand-in, org "fabrikam" and "contoso")
  Chargebee      ${backend.chargebee?.url ?? backend.env.CHARGEBEE_SITE}   (stand-in; test card 4111 1111 1111 1111)
  Cosmos DB      ${backend.cosmos?.endpoint ?? backend.env.COSMOS_ENDPOINT}   (data in .data/; delete it to start over)

Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    clearInterval(groupRules);
    await devHost.stop();
    await frontEnd.stop();
    await backend.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(
      "A port of the local stack is in use (3000, 7071, 7072, 7073, 8081). Stop the other process and try again.",
    );
  }
  process.exit(1);
});
