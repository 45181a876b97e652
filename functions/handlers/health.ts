import { defineRoute, json } from "../http/route";
import { UnavailableError } from "../domain/errors";

/** Liveness with a real store round trip, so a monitor sees a database outage. */
defineRoute("health", {
  methods: ["GET"],
  route: "health",
  auth: "public",
  handler: async ({ services }) => {
    try {
      await services.health.ping();
      return json({ status: "ok", store: "ok" });
    } catch (error) {
      const message = error instanceof UnavailableError ? error.message : "The store check failed.";
      return json({ status: "degraded", store: "unavailable", error: { code: "unavailable", message } }, 503);
    }
  },
});
