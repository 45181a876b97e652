import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderQuote } from "../../../functions/contracts/billing";
import type {
  AssignRolesPreviewResponse,
  AuditResponse,
  UsersOverviewResponse,
} from "../../../functions/contracts/users";
import { services } from "../../../functions/app/services";
import { applyRoleChanges } from "../../../functions/use-cases/users/apply-role-changes";
import {
  licensedEmails,
  ok,
  setPlan,
  startUsersStack,
  subscribe,
  subscription,
  userId,
  type UsersStack,
} from "./support/users-stack";

/**
 * POST /api/users/roles/preview: what assigning a role would do to seats and money, said
 * before anything is written (+ Add Users, Assign Role, Select all, None). The steps share
 * one stack and run in order: trial, a plan with free seats, a cancelled plan, then a Start
 * subscription bought through the Chargebee stand-in's hosted checkout.
 */
let u: UsersStack;
beforeAll(async () => {
  u = await startUsersStack(); // licensed: Priya, Marcus (Administrators), Liam (Team)
});
afterAll(async () => {
  await u?.stack.stop();
});

type Preview = AssignRolesPreviewResponse & { error?: { code: string; message: string } };
const ids = (locals: string[]) => locals.map((l) => userId(u.stack, l));
const preview = (role: string, locals: string[], who = u.priya) =>
  u.call<Preview>(who, "POST", "users/roles/preview", { role, userIds: ids(locals) });
const formatUsd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
const UNLICENSED = ["aisha.okafor", "grace.wright", "mei.chen", "hannah.schmidt", "olivia.brown"];

/** What the store holds, as the pages read it: licensed users, seats and the audit trail. */
async function snapshot() {
  const [emails, overview, audit] = await Promise.all([
    licensedEmails(u),
    ok(u.call<UsersOverviewResponse>(u.priya, "GET", "users/overview")),
    ok(u.call<AuditResponse>(u.priya, "GET", "users/audit")),
  ]);
  return { emails, seats: overview.seats, audit: audit.entries.map((e) => e.id) };
}

describe("in the trial", () => {
  it("has no seat limit, and still says what None frees", async () => {
    const { status, body } = await preview("Team", UNLICENSED.slice(0, 2));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      summary: "No seat limit during the trial",
      fits: true,
      seatsNeeded: 2,
      seatsFree: null,
      seatsMissing: 0,
      changing: 2,
      problems: [],
      costOfMissingSeats: null,
    });
    expect((await preview("None", ["liam.oconnor"])).body).toMatchObject({
      summary: "Frees 1 seat",
      monthlySaving: null, // nothing is paid in the trial
    });
  });

  it("refuses the bodies POST users/roles refuses, with the same messages", async () => {
    const bad = await u.call<Preview>(u.priya, "POST", "users/roles/preview", { role: "Owner", userIds: ["x"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain("role must be one of");
    const twice = await u.call<Preview>(u.priya, "POST", "users/roles/preview", {
      role: "Team",
      userIds: [...ids(["aisha.okafor"]), ...ids(["aisha.okafor"])],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error?.message).toMatch(/listed more than once/);
  });

  it("is refused to a Team member, as the write is", async () => {
    expect((await preview("Team", ["aisha.okafor"], u.liam)).status).toBe(403);
  });
});

describe("on a plan with free seats", () => {
  it("says 4 users use 4 of the 6 free seats, and writes nothing", async () => {
    await setPlan(u.priya.org.id, subscription(9)); // 3 licensed
    const before = await snapshot();
    const { status, body } = await preview("Team", UNLICENSED.slice(0, 4));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      summary: "Uses 4 of 6 free seats",
      fits: true,
      seatsNeeded: 4,
      seatsFree: 6,
      seatsMissing: 0,
      usersNeeded: null,
      changing: 4,
      costOfMissingSeats: null,
      costText: null,
    });
    expect(body.subscriptionUrl).toMatch(/\/fabrikam\/_settings\/.*timetracker-subscription-hub$/);
    expect(await snapshot()).toEqual(before);
  });

  it("names the users it cannot change and counts only the others", async () => {
    const { body } = await u.call<Preview>(u.priya, "POST", "users/roles/preview", {
      role: "Team",
      userIds: [...ids(["aisha.okafor"]), "00000000-0000-0000-0000-00000000dead"],
    });
    expect(body).toMatchObject({ summary: "Uses 1 of 6 free seats", changing: 1 });
    expect(body.problems).toEqual([
      {
        userId: "00000000-0000-0000-0000-00000000dead",
        message: "This user is not a user of this Azure DevOps organization.",
      },
    ]);
    // Moving licensed users between roles takes no seat.
    expect((await preview("Product", ["liam.oconnor", "marcus.johnson"])).body).toMatchObject({
      summary: "Changes no seats",
      changing: 2,
    });
  });
});

describe("without an active plan", () => {
  it("says that no plan is active and what the plan to buy costs at list price", async () => {
    await setPlan(u.priya.org.id, { ...subscription(5), status: "cancelled" });
    const { body } = await preview("Team", ["aisha.okafor", "grace.wright"]);
    expect(body).toMatchObject({
      summary: "Needs a plan for 5 users: no plan is active",
      fits: false,
      seatsMissing: 5, // the 3 licensed users need seats first
      usersNeeded: 5,
      // Start, billed yearly as a new purchase opens: $8 per user per month.
      costOfMissingSeats: { amount: 48_000, currency: "USD", text: "$480.00" },
      costText: "The Start plan for 5 users costs $480.00 per year at list price.",
    });
    expect(body.subscriptionUrl).toMatch(/timetracker-subscription-hub\?users=5$/);
  });
});

describe("on a Start subscription bought through Chargebee", () => {
  beforeAll(async () => {
    await subscribe(u, { plan: "start", period: "monthly", seats: 5 });
  });

  it("says how many seats are missing, what Chargebee estimates adding them costs, and links to the Subscription page for that many users", async () => {
    const before = await snapshot();
    const { body } = await preview("Team", UNLICENSED); // 5 users, 2 seats free
    expect(body).toMatchObject({
      summary: "Needs 3 more seats than are free (2 of 5 free)",
      fits: false,
      seatsNeeded: 5,
      seatsFree: 2,
      seatsMissing: 3,
      usersNeeded: 8,
    });
    expect(body.subscriptionUrl).toMatch(/\/fabrikam\/_settings\/.*timetracker-subscription-hub\?users=8$/);
    // The same estimate the Subscription page's Change users shows for 8 users.
    const quote = await ok(
      u.call<OrderQuote>(u.priya, "POST", "subscription/quote", { plan: "start", period: "monthly", seats: 8 }),
    );
    expect(quote.kind).toBe("change");
    expect(quote.estimate!.billedImmediately).toBeGreaterThan(0);
    expect(body.costOfMissingSeats).toEqual({
      amount: quote.estimate!.billedImmediately,
      currency: "USD",
      text: expect.stringMatching(/^\$[\d,]+\.\d\d$/),
    });
    expect(body.costText).toBe(
      `Adding 3 seats to your Start plan bills ${body.costOfMissingSeats!.text} now (Chargebee's prorated estimate), then $72.00 per month.`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("says when the missing seats need a larger plan, and prices the move as the Subscription page would", async () => {
    const licensed = new Set(await licensedEmails(u));
    const everyone = u.stack.devops.state.org("fabrikam").users.filter((x) => !licensed.has(x.email.toLowerCase()));
    const { body } = await u.call<Preview>(u.priya, "POST", "users/roles/preview", {
      role: "Team",
      userIds: everyone.map((x) => x.id),
    });
    expect(body.usersNeeded).toBeGreaterThan(19); // more than the Start plan holds
    const quote = await ok(
      u.call<OrderQuote>(u.priya, "POST", "subscription/quote", {
        plan: "team",
        period: "monthly",
        seats: body.usersNeeded,
      }),
    );
    expect(body.costText).toBe(
      `${body.seatsMissing} more seats need a larger plan than Start: moving to the Team plan for ${body.usersNeeded} users bills ${body.costOfMissingSeats!.text} now (Chargebee's prorated estimate), then ${formatUsd(quote.estimate!.nextBillingAmount!)} per month.`,
    );
    expect(body.costOfMissingSeats!.amount).toBe(quote.estimate!.billedImmediately);
  });

  it("prices the missing seats for an Administrator who is no PCA too (who cannot open the Subscription page)", async () => {
    const { status, body } = await preview("Team", UNLICENSED, u.marcus);
    expect(status).toBe(200);
    expect(body).toMatchObject({ seatsMissing: 3, costText: expect.stringContaining("Adding 3 seats") });
  });

  it("is what the write then does: refused, writing nothing, with the same link", async () => {
    const before = await snapshot();
    const write = await u.call<{ error: { code: string; details: { usersNeeded: number; subscriptionUrl: string } } }>(
      u.priya,
      "POST",
      "users/roles",
      { role: "Team", userIds: ids(UNLICENSED) },
    );
    expect(write.status).toBe(409);
    expect(write.body.error.details.usersNeeded).toBe(8);
    expect(write.body.error.details.subscriptionUrl).toBe((await preview("Team", UNLICENSED)).body.subscriptionUrl);
    expect(await snapshot()).toEqual(before);
    // Fewer users fit, and the preview says so.
    expect((await preview("Team", UNLICENSED.slice(0, 2))).body.summary).toBe("Uses 2 of 2 free seats");
  });

  it("says what setting users to None frees and saves per month at the plan's list price", async () => {
    const before = await snapshot();
    const { body } = await preview("None", ["liam.oconnor", "marcus.johnson"]);
    expect(body).toMatchObject({
      summary: "Frees 2 seats",
      seatsNeeded: -2,
      fits: true,
      monthlySaving: { amount: 1_800, currency: "USD", text: "$18.00" },
      savingText: "Lowering Users Assignable by 2 on the Subscription page saves $18.00 per month.",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("says that a user a group rule licenses cannot be set to None, and frees nothing for them", async () => {
    const s = services();
    const org = (await s.orgs.get(u.priya.org.id))!.value;
    await applyRoleChanges(
      s.users,
      { org, actor: { id: "sync", displayName: "Group rule sync" }, surface: "group-rule" },
      [{ userId: userId(u.stack, "liam.oconnor"), rule: { id: "rule-eng", name: "Engineering" }, grant: "Team" }],
    );
    const { body } = await preview("None", ["liam.oconnor"]);
    expect(body).toMatchObject({ summary: "Changes no seats", changing: 0, monthlySaving: null });
    expect(body.problems).toEqual([
      { userId: userId(u.stack, "liam.oconnor"), message: expect.stringContaining('the group rule "Engineering"') },
    ]);
  });
});
