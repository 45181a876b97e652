import { app } from "../../http/azure-functions";
import { services } from "../../app/services";
import { reconcileAllLedgers } from "../../use-cases/users/reconcile-ledgers";

/** Every hour: recount the seat ledgers that have been quiet (see reconcile-ledgers). */
app.timer("seat-ledger-reconcile", {
  schedule: "0 17 * * * *",
  handler: async (_timer, context) => {
    const tally = await reconcileAllLedgers(services().users, (message) => context.log(message));
    context.log(`Seat ledgers: ${JSON.stringify(tally)}`);
  },
});
