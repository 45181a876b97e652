import { defineRoute, json } from "../../http/route";
import { usersOverview } from "../../use-cases/users/users-overview";
import { managerRequest } from "./users-request";

defineRoute("users-overview", {
  methods: ["GET"],
  route: "users/overview",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, manager } = await managerRequest(services, caller);
    return json(await usersOverview(deps, manager));
  },
});
