import { app } from "../../http/azure-functions";
import { services } from "../../app/services";
import { syncDueRules } from "../../use-cases/group-rules/sync-timer";

/**
 * Every 5 minutes: sync each group rule whose last sync is older than the app setting
 * GROUP_RULES_SYNC_MINUTES (15 by default), so the interval is a setting without a schedule
 * expression to keep in step with it.
 */
app.timer("group-rules-sync", {
  schedule: "0 */5 * * * *",
  handler: async (_timer, context) => {
    const s = services();
    const tally = await syncDueRules(s.users, {
      intervalMs: s.config.groupRules.syncIntervalMinutes * 60_000,
      holder: `timer:${context.invocationId}`,
      log: (message) => context.log(message),
    });
    context.log(`Group rules: ${JSON.stringify(tally)}`);
  },
});
