/**
 * Runs the stand-in on its own: `npx tsx dev/chargebee/main.ts`.
 * Environment: CHARGEBEE_STANDIN_PORT (7073), CHARGEBEE_API_KEY (test_dev_key),
 * CHARGEBEE_WEBHOOK_URL / _USER / _PASSWORD, CHARGEBEE_STANDIN_DATA (a JSON file to keep state in).
 */
import { startChargebeeStandin } from "./index";

const env = process.env;
const standin = await startChargebeeStandin({
  port: Number(env.CHARGEBEE_STANDIN_PORT ?? 7073),
  log: true,
  ...(env.CHARGEBEE_API_KEY ? { apiKey: env.CHARGEBEE_API_KEY } : {}),
  ...(env.CHARGEBEE_STANDIN_DATA ? { persistFile: env.CHARGEBEE_STANDIN_DATA } : {}),
  ...(env.CHARGEBEE_WEBHOOK_URL
    ? {
        webhook: {
          url: env.CHARGEBEE_WEBHOOK_URL,
          username: env.CHARGEBEE_WEBHOOK_USER ?? "",
          password: env.CHARGEBEE_WEBHOOK_PASSWORD ?? "",
        },
      }
    : {}),
});
console.log(
  `Chargebee stand-in on ${standin.url} (API ${standin.url}/api/v2, key ${standin.apiKey}, state ${standin.url}/_dev/state)`,
);

const shutdown = (): void => {
  void standin.stop().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
