import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CosmosMemberActivity } from "../../../functions/adapters/cosmos/cosmos-member-activity";
import { services } from "../../../functions/app/services";
import type { StopTimerResponse, WorklogView } from "../../../functions/contracts/time";
import type {
  LicensedIdsResponse,
  LicensedRulesResponse,
  ListMembersResponse,
  MemberView,
} from "../../../functions/contracts/users";
import type { GrantRole } from "../../../functions/domain/member";
import { applyRoleChanges } from "../../../functions/use-cases/users/apply-role-changes";
import { signIn, type SignedIn } from "../support/sign-in";
import { email, ok, saveRuleDocument, setRoles, startUsersStack, userId, type UsersStack } from "./support/users-stack";

/**
 * The licensed list's Source, Last tracked and Last opened, and its filters, through the
 * API. Group rules' grants are written by the use-case a rule's sync runs (the rules
 * themselves are another feature); time long ago is written to the member documents, since
 * the API only ever stamps "now".
 */
let u: UsersStack;
let aisha: SignedIn;
let grace: SignedIn;
beforeAll(async () => {
  u = await startUsersStack();
  await setRoles(u, "Default", ["aisha.okafor", "chloe.dubois"]);
  await setRoles(u, "Budget", ["grace.wright"]);
  await setRoles(u, "Team", ["sofia.hernandez"]);
  [aisha, grace] = await Promise.all(
    ["aisha.okafor", "grace.wright"].map((l) => signIn(u.stack, "fabrikam", email(l))),
  );
});
afterAll(async () => {
  await u?.stack.stop();
});

const DAY_MS = 86_400_000;
const list = (query = "") => ok(u.call<ListMembersResponse>(u.priya, "GET", `users/licensed?pageSize=200${query}`));
const byName = (members: MemberView[]) => members.map((m) => m.displayName).sort();
const memberOf = async (local: string) => (await list()).members.find((m) => m.email === email(local))!;

async function addTime(who: SignedIn, forUser?: SignedIn): Promise<void> {
  await ok(
    u.call<WorklogView>(who, "POST", "worklogs", {
      workItemId: 3,
      start: new Date(Date.now() - DAY_MS).toISOString().slice(0, 10) + "T09:00:00+00:00",
      durationSeconds: 1800,
      ...(forUser ? { userId: forUser.user.id } : {}),
    }),
  );
}

/** Sets a member's last tracked time as if it was stamped `daysAgo` days ago. */
async function trackedDaysAgo(local: string, daysAgo: number): Promise<void> {
  const { members } = await services().db.containers();
  const value = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
  await members.item(userId(u.stack, local), u.priya.org.id).patch([{ op: "set", path: "/lastTrackedAt", value }]);
}

async function grant(rule: { id: string; name: string }, local: string, role: GrantRole | null): Promise<void> {
  const s = services();
  const org = (await s.orgs.get(u.priya.org.id))!.value;
  const user = u.stack.devops.state.org("fabrikam").user(email(local));
  const [outcome] = await applyRoleChanges(
    s.users,
    { org, actor: { id: "group-rules", displayName: "Group rules" }, surface: "group-rule" },
    [
      {
        userId: user.id,
        rule,
        grant: role,
        profile: { id: user.id, displayName: user.displayName, email: email(local), uniqueName: email(local) },
      },
    ],
  );
  if (!outcome.ok) throw new Error(`Granting ${local} failed: ${outcome.message}`);
}

describe("when each user last tracked time and opened Timetracker", () => {
  it("is stamped by opening Timetracker, by saving time and by stopping the timer; never for someone who did neither", async () => {
    const before = Date.now();
    await ok(u.call(u.liam, "GET", "me"));
    await addTime(u.liam);
    await addTime(u.priya, grace); // grace's time, added by priya: grace's stamp, not priya's
    await ok(u.call(u.marcus, "POST", "timer/start", { workItemId: 3 }));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a timer of 0 s saves nothing
    expect((await ok(u.call<StopTimerResponse>(u.marcus, "POST", "timer/stop"))).worklogs).toHaveLength(1);
    const after = Date.now();
    const within = (iso: string | null) => iso !== null && Date.parse(iso) >= before && Date.parse(iso) <= after;

    const { members } = await list();
    const row = (local: string) => members.find((m) => m.email === email(local))!;
    expect(within(row("liam.oconnor").lastTrackedAt)).toBe(true);
    expect(within(row("liam.oconnor").lastOpenedAt)).toBe(true);
    expect(within(row("grace.wright").lastTrackedAt)).toBe(true);
    expect(row("grace.wright").lastOpenedAt).toBeNull();
    expect(within(row("marcus.johnson").lastTrackedAt)).toBe(true);
    expect(row("priya.patel").lastTrackedAt).toBeNull(); // she opened Timetracker (setup), tracked nothing
    expect(row("priya.patel").lastOpenedAt).not.toBeNull();
    expect(row("sofia.hernandez")).toMatchObject({ lastTrackedAt: null, lastOpenedAt: null });
  });

  it("keeps the day's first time: more time the same day writes no new stamp", async () => {
    const first = (await memberOf("liam.oconnor")).lastTrackedAt;
    await addTime(u.liam);
    await ok(u.call(u.liam, "GET", "me"));
    expect((await memberOf("liam.oconnor")).lastTrackedAt).toBe(first);
  });

  it("survives a role change", async () => {
    const stamped = await memberOf("liam.oconnor");
    await setRoles(u, "Product", ["liam.oconnor"]);
    const after = await memberOf("liam.oconnor");
    expect(after.role.assigned).toBe("Product");
    expect(after).toMatchObject({ lastTrackedAt: stamped.lastTrackedAt, lastOpenedAt: stamped.lastOpenedAt });
    await setRoles(u, "Team", ["liam.oconnor"]);
  });

  it("lists a user renamed in Azure DevOps under the new name once they open Timetracker", async () => {
    const chloe = u.stack.devops.state.org("fabrikam").user(email("chloe.dubois"));
    const before = chloe.displayName;
    chloe.displayName = "Zoë Martin";
    try {
      expect(await memberOf("chloe.dubois")).toMatchObject({ displayName: before, lastOpenedAt: null }); // not until she opens it
      const opened = Date.now();
      await ok(u.call(await signIn(u.stack, "fabrikam", email("chloe.dubois")), "GET", "me"));
      // Her first opening today: the day's stamp and the new name both land (two patches at once).
      const renamed = await memberOf("chloe.dubois");
      expect(renamed.displayName).toBe("Zoë Martin");
      expect(Date.parse(renamed.lastOpenedAt ?? "")).toBeGreaterThanOrEqual(opened);
      // Found and sorted by the new name (the stored search and sort keys follow it).
      expect(byName((await list("&search=martin")).members)).toEqual(["Zoë Martin"]);
      expect((await list("&search=dubois")).members.map((m) => m.email)).toEqual([email("chloe.dubois")]);
      const names = (await list("&sort=name")).members.map((m) => m.displayName);
      expect(names.at(-1)).toBe("Zoë Martin");
    } finally {
      chloe.displayName = before;
      await ok(u.call(await signIn(u.stack, "fabrikam", email("chloe.dubois")), "GET", "me"));
    }
  });

  it("renames nobody whose e-mail changed since the name was read (the search key holds it too)", async () => {
    const activity = new CosmosMemberActivity(services().db);
    const grace = { orgId: u.priya.org.id, userId: userId(u.stack, "grace.wright") };
    await activity.rename({ ...grace, email: "grace.old@fabrikam.example" }, "Grace Hopper");
    expect((await memberOf("grace.wright")).displayName).toBe("Grace Wright");
    await activity.rename({ ...grace, email: email("grace.wright") }, "Grace Hopper");
    expect(byName((await list("&search=hopper")).members)).toEqual(["Grace Hopper"]);
    await activity.rename({ ...grace, email: email("grace.wright") }, "Grace Wright");
  });

  it("creates no record for a user Timetracker does not know", async () => {
    const activity = new CosmosMemberActivity(services().db);
    await activity.touch(
      u.priya.org.id,
      "00000000-0000-0000-0000-00000000abcd",
      "lastOpenedAt",
      new Date().toISOString(),
    );
    await activity.touch(u.priya.org.id, "org", "lastOpenedAt", new Date().toISOString()); // the org's document, no member's
    const { members } = await services().db.containers();
    const { statusCode } = await members.item("00000000-0000-0000-0000-00000000abcd", u.priya.org.id).read();
    expect(statusCode).toBe(404);
    const { resource: org } = await members.item("org", u.priya.org.id).read<Record<string, unknown>>();
    expect(org?.lastOpenedAt).toBeUndefined();
  });
});

describe("no time tracked in 30 / 60 / 90 days", () => {
  beforeAll(async () => {
    await trackedDaysAgo("liam.oconnor", 10);
    await trackedDaysAgo("grace.wright", 45);
    await trackedDaysAgo("marcus.johnson", 75);
    await trackedDaysAgo("sofia.hernandez", 120);
    await addTime(aisha); // today
  });

  it("lists exactly the licensed users whose last time is older, and those who never tracked any", async () => {
    const never = ["Chloé Dubois", "Priya Patel"];
    expect(byName((await list("&inactiveDays=30")).members)).toEqual(
      [...never, "Grace Wright", "Marcus Johnson", "Sofía Hernández"].sort(),
    );
    expect(byName((await list("&inactiveDays=60")).members)).toEqual(
      [...never, "Marcus Johnson", "Sofía Hernández"].sort(),
    );
    expect(byName((await list("&inactiveDays=90")).members)).toEqual([...never, "Sofía Hernández"].sort());
    expect(byName((await list()).members)).toContain("Aisha Okafor");
  });

  it("counts a user as active again as soon as they track time", async () => {
    await addTime(u.marcus);
    expect(byName((await list("&inactiveDays=60")).members)).not.toContain("Marcus Johnson");
  });

  it("Select all gets the ids of exactly the users the filter lists, every page at once", async () => {
    const listed = (await list("&inactiveDays=30")).members.map((m) => m.id).sort();
    const { ids } = await ok(u.call<LicensedIdsResponse>(u.priya, "GET", "users/licensed/ids?inactiveDays=30"));
    expect(ids.sort()).toEqual(listed);
    const searched = await ok(
      u.call<LicensedIdsResponse>(u.priya, "GET", "users/licensed/ids?search=grace&inactiveDays=30"),
    );
    expect(searched.ids).toEqual([grace.user.id]);
    const refused = await u.call<{ error: { message: string } }>(u.priya, "GET", "users/licensed/ids?sort=name");
    expect(refused.status).toBe(400);
  });

  it("combines with search", async () => {
    expect(byName((await list("&inactiveDays=30&search=fabrikam.example")).members)).toContain("Grace Wright");
    expect((await list("&inactiveDays=30&search=liam")).members).toEqual([]);
  });
});

describe("where each role comes from", () => {
  const engineering = { id: "rule-eng", name: "Engineering" };
  const support = { id: "rule-sup", name: "Support" };
  const contractors = { id: "rule-con", name: "Contractors" }; // licenses nobody
  beforeAll(async () => {
    for (const rule of [engineering, support, contractors]) await saveRuleDocument(u.priya.org.id, rule);
    await grant(engineering, "liam.oconnor", "Team"); // also direct Team
    await grant(engineering, "rahul.sharma", "Product"); // only the rule
    await grant(support, "chloe.dubois", "Team"); // also direct Default
  });

  it("names Direct and each rule in the Source", async () => {
    const { members } = await list();
    const sources = (local: string) => members.find((m) => m.email === email(local))?.sources;
    expect(sources("liam.oconnor")).toEqual(["Direct", "Rule: Engineering"]);
    expect(sources("rahul.sharma")).toEqual(["Rule: Engineering"]);
    expect(sources("chloe.dubois")).toEqual(["Direct", "Rule: Support"]);
    expect(sources("grace.wright")).toEqual(["Direct"]);
    expect(members.find((m) => m.email === email("rahul.sharma"))?.role).toMatchObject({
      assigned: "None",
      effective: "Product",
      rules: [{ id: "rule-eng", name: "Engineering", role: "Product" }],
    });
  });

  it("filters by direct assignment, by any rule, and by one rule", async () => {
    const all = byName((await list()).members);
    expect(byName((await list("&source=direct")).members)).toEqual(all.filter((n) => n !== "Rahul Sharma"));
    expect(byName((await list("&source=rules")).members)).toEqual(["Chloé Dubois", "Liam O'Connor", "Rahul Sharma"]);
    expect(byName((await list("&source=rule%3Arule-eng")).members)).toEqual(["Liam O'Connor", "Rahul Sharma"]);
    expect(byName((await list("&source=rule%3Arule-none")).members)).toEqual([]);
  });

  it("combines the source with no time tracked, for the list and for Select all", async () => {
    // Rahul never tracked, Chloé never tracked, Liam tracked 10 days ago.
    const { members } = await list("&source=rules&inactiveDays=30");
    expect(byName(members)).toEqual(["Chloé Dubois", "Rahul Sharma"]);
    const path = "users/licensed/ids?source=rules&inactiveDays=30";
    const { ids } = await ok(u.call<LicensedIdsResponse>(u.priya, "GET", path));
    expect(ids.sort()).toEqual(members.map((m) => m.id).sort());
  });

  it("offers every rule of the org for the filter, by name, also one that licenses nobody", async () => {
    const answer = await ok(u.call<LicensedRulesResponse>(u.priya, "GET", "users/licensed/rules"));
    expect(answer.rules).toEqual([contractors, engineering, support]);
  });

  it("offers a rule being deleted, so named, while its members still hold its part", async () => {
    const retiring = { id: "rule-old", name: "Old Contractors" };
    await saveRuleDocument(u.priya.org.id, retiring);
    const { rules } = services().users;
    const saved = (await rules.get(u.priya.org.id, retiring.id))!;
    await rules.replace({ ...saved.value, deleting: true }, saved.etag);
    try {
      const answer = await ok(u.call<LicensedRulesResponse>(u.priya, "GET", "users/licensed/rules"));
      expect(answer.rules).toEqual([
        contractors,
        engineering,
        { ...retiring, name: "Old Contractors (being deleted)" },
        support,
      ]);
    } finally {
      await rules.delete(u.priya.org.id, retiring.id);
    }
  });

  it("forgets a rule's part when the user leaves its group", async () => {
    await grant(support, "chloe.dubois", null);
    expect((await memberOf("chloe.dubois")).sources).toEqual(["Direct"]);
    expect(byName((await list("&source=rule%3Arule-sup")).members)).toEqual([]);
  });

  it.each([
    ["&source=group", /source must be direct, rules or rule:<rule id>/],
    ["&source=rule%3A", /source must be direct, rules or rule:<rule id>/],
    ["&inactiveDays=45", /inactiveDays must be 30, 60 or 90/],
    ["&inactiveDays=ninety", /inactiveDays must be 30, 60 or 90/],
  ])("answers 400 with a reason for %s", async (query, reason) => {
    const { status, body } = await u.call<{ error: { message: string } }>(
      u.priya,
      "GET",
      `users/licensed?pageSize=10${query}`,
    );
    expect(status).toBe(400);
    expect(body.error.message).toMatch(reason);
  });
});
