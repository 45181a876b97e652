import type { MeResponse } from "../contracts/me";
import { mayManageUsers } from "../domain/role-assignment";
import { roleLabelOf } from "../domain/role-sources";
import { defineRoute, json } from "../http/route";
import { resolveCallerAccess } from "../use-cases/caller-access";
import { recordActivity, recordName } from "../use-cases/record-activity";

defineRoute("me", {
  methods: ["GET"],
  route: "me",
  auth: "user",
  handler: async ({ services, caller }) => {
    const [access, isPca] = await Promise.all([resolveCallerAccess(services.users, caller), caller.isPca()]);
    // Every Timetracker page asks for /api/me as it opens: that is "last opened", under the name
    // Azure DevOps gives the user now. At once: each patches fields of its own on the record.
    await Promise.all([
      recordActivity(services.users, access.member, "lastOpenedAt"),
      recordName(services.users, access.member, caller.displayName),
    ]);
    const { plan } = access;
    const body: MeResponse = {
      user: { id: caller.userId, displayName: caller.displayName, email: caller.email },
      org: { id: caller.orgId, name: caller.orgName },
      role: {
        assigned: access.parts.direct,
        effective: access.effective,
        label: roleLabelOf(access.parts, access.org.value.defaultRole),
      },
      isPca,
      mayManageUsers: mayManageUsers({ isPca, effective: access.effective }),
      licensed: access.licensed,
      hasAccess: access.hasAccess,
      hostType: caller.hostType,
      trial: plan.kind === "trial" ? { endsAt: plan.endsAt, daysLeft: plan.daysLeft } : null,
      plan: { kind: plan.kind, name: plan.kind === "subscribed" || plan.kind === "cancelled" ? plan.plan : "trial" },
    };
    return json(body);
  },
});
