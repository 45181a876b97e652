import { startDevopsStandin } from "./index";

// Runs the stand-in alone: `npx tsx dev/devops/main.ts [port]`.
const port = Number(process.argv[2] ?? process.env.DEVOPS_STANDIN_PORT ?? 7072);
const standin = await startDevopsStandin({ port, log: true });
console.log(`Azure DevOps stand-in on ${standin.url} (orgs: ${standin.state.orgNames().join(", ")})`);
const stop = (): void => void standin.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
