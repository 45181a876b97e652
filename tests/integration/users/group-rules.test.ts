import Ajv from "ajv";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type {
  GroupRuleDeletePreviewResponse,
  GroupRulePreviewResponse,
  GroupRuleSyncResponse,
  GroupRulesResponse,
} from "../../../functions/contracts/group-rules";
import type {
  AuditResponse,
  CreateTokenResponse,
  GroupSearchResponse,
  ListMembersResponse,
} from "../../../functions/contracts/users";
import { bearer, rest } from "./support/rest-client";
import {
  email,
  licensedEmails,
  ok,
  setPlan,
  setRoles,
  startUsersStack,
  subscription,
  userId,
  type UsersStack,
} from "./support/users-stack";

// Group rules through the local host, with the Azure DevOps stand-in's membership changing
// between syncs through its dev endpoints, as an administrator would change the group.

let u: UsersStack;
let engineering: string;
const ENGINEERING_EMAILS = [
  "chloe.dubois",
  "ethan.clarke",
  "fatima.alsayed",
  "jonas.mueller",
  "kwame.mensah",
  "liam.oconnor",
  "mei.chen",
  "rahul.sharma",
  "zara.ahmed",
].map(email);

beforeAll(async () => {
  u = await startUsersStack();
  const pat = u.stack.devops.state.createPat("fabrikam", email("sofia.hernandez"));
  await ok(u.call(u.priya, "POST", "users/service-account", { pat }));
  const found = await ok(u.call<GroupSearchResponse>(u.priya, "GET", "users/groups?query=Engineering"));
  engineering = found.groups.find((g) => g.displayName === "Engineering")!.descriptor;
});
afterAll(async () => {
  await u?.stack.stop();
});

/** Every test starts with no rule and the seed's membership. */
beforeEach(async () => {
  u.stack.devops.state.endOutage();
  for (const rule of (await ok(u.call<GroupRulesResponse>(u.priya, "GET", "users/group-rules"))).rules)
    await ok(u.call(u.priya, "DELETE", `users/group-rules/${rule.id}`));
  await setPlan(orgId(), null);
});

const orgId = () => u.priya.org.id;
const groupMembers = (descriptor: string) =>
  `${u.stack.devops.url}/_dev/orgs/fabrikam/groups/${encodeURIComponent(descriptor)}/members`;
async function addToGroup(descriptor: string, who: string): Promise<void> {
  const response = await fetch(groupMembers(descriptor), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ member: who }),
  });
  expect(response.status).toBe(201);
}
async function removeFromGroup(descriptor: string, who: string): Promise<void> {
  const response = await fetch(`${groupMembers(descriptor)}/${encodeURIComponent(who)}`, { method: "DELETE" });
  expect(response.status).toBe(200);
}
const createRule = (role = "Team") =>
  ok(u.call<GroupRuleSyncResponse>(u.priya, "POST", "users/group-rules", { groupDescriptor: engineering, role }));
const sync = (ruleId: string) => ok(u.call<GroupRuleSyncResponse>(u.priya, "POST", `users/group-rules/${ruleId}/sync`));

describe("a group rule", () => {
  it("previews who it licenses without writing anything, then licenses the whole nested group", async () => {
    await setRoles(u, "None", ["liam.oconnor"]);
    await setRoles(u, "Administrator", ["mei.chen"]);
    const before = await licensedEmails(u);
    const preview = await ok(
      u.call<GroupRulePreviewResponse>(u.priya, "POST", "users/group-rules/preview", {
        groupDescriptor: engineering,
        role: "Product",
      }),
    );
    expect(preview.members).toBe(9);
    expect(preview.saveBlocked).toBeNull();
    expect(preview.group).toMatchObject({
      displayName: "Engineering",
      source: "Microsoft Entra ID",
      membershipNote: expect.stringMatching(/reach Azure DevOps within about an hour/),
    });
    expect(preview.alreadyAtLeast.people.map((p) => p.email)).toEqual([email("mei.chen")]);
    expect(preview.newlyLicensed.count + preview.raised.count).toBe(8);
    expect(preview.impact).toMatchObject({ fits: true, seatsFree: null, summary: "No seat limit during the trial" });
    expect(await licensedEmails(u)).toEqual(before);

    const created = await createRule("Product");
    expect(created.rule).toMatchObject({ role: "Product", licensed: 9, sync: { status: "ok", groupMembers: 9 } });
    const licensed = await licensedEmails(u);
    for (const e of ENGINEERING_EMAILS) expect(licensed).toContain(e);
    const members = await ok(u.call<ListMembersResponse>(u.priya, "GET", "users/licensed?search=mei&pageSize=10"));
    expect(members.members[0].role).toMatchObject({
      assigned: "Administrator",
      effective: "Administrator",
      rules: [{ name: "Engineering", role: "Product" }],
    });
  });

  it("follows the group: a member added in Azure DevOps is licensed on the next sync, a member removed frees the seat", async () => {
    const created = await createRule();
    await addToGroup(engineering, email("benjamin.lee"));
    expect(await licensedEmails(u)).not.toContain(email("benjamin.lee"));
    const added = await sync(created.rule.id);
    expect(added.added).toBe(1);
    expect(await licensedEmails(u)).toContain(email("benjamin.lee"));

    await removeFromGroup(engineering, email("benjamin.lee"));
    const removed = await sync(created.rule.id);
    expect(removed).toMatchObject({ removed: 1, rule: { licensed: 9 } });
    expect(await licensedEmails(u)).not.toContain(email("benjamin.lee"));

    const audit = await ok(u.call<AuditResponse>(u.priya, "GET", "users/audit"));
    const byRule = audit.entries.filter((e) => e.surface === "group-rule");
    expect(byRule[0].actor.displayName).toBe("group rule Engineering");
    expect(byRule[0].changes).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ email: email("benjamin.lee") }), to: "None" }),
    ]);
  });

  it("removes nobody while Azure DevOps fails in the middle of reading the group, shows PCAs why, and catches up after", async () => {
    const created = await createRule();
    await removeFromGroup(engineering, email("rahul.sharma"));
    // The group is read (expanded down), then Azure DevOps fails looking up the members it names.
    u.stack.devops.state.failRequestsAfter(1, 503, /_apis\/identities/i);
    const failed = await sync(created.rule.id);
    expect(failed.message).toContain("Could not read the group, so nobody was removed");
    expect(failed.rule.sync).toMatchObject({ status: "failing", problem: { message: expect.any(String) } });
    expect(await licensedEmails(u)).toContain(email("rahul.sharma"));
    const listed = await ok(u.call<GroupRulesResponse>(u.priya, "GET", "users/group-rules"));
    expect(listed.warnings[0]).toContain('The group rule "Engineering" cannot read its group');
    const marcusView = await ok(u.call<GroupRulesResponse>(u.marcus, "GET", "users/group-rules")); // Administrator, not a PCA
    expect(marcusView.warnings).toEqual([]);

    u.stack.devops.state.endOutage();
    const recovered = await sync(created.rule.id);
    expect(recovered.rule.sync.problem).toBeNull();
    expect(await licensedEmails(u)).not.toContain(email("rahul.sharma"));
    await addToGroup(engineering, email("rahul.sharma"));
  });

  it("refuses setting a rule-licensed member to None on the Permissions page and through the REST API, naming the rule", async () => {
    await createRule();
    const liam = userId(u.stack, "liam.oconnor");
    const page = await u.call<{ error: { message: string } }>(u.priya, "POST", "users/roles", {
      role: "None",
      userIds: [liam],
    });
    expect(page.status).toBe(400);
    expect(page.body.error.message).toContain('licensed by the group rule "Engineering"');
    const token = await ok(u.call<CreateTokenResponse>(u.priya, "POST", "tokens", { name: "rules" }));
    const viaRest = await rest<{ data: { failedEntries: { error: { message: string } }[] } }>(
      u.stack,
      bearer(token.secret),
      "POST",
      "users/roles",
      { users: [{ email: email("liam.oconnor"), role: { name: "None" } }] },
    );
    expect(viaRest.status).toBe(422);
    expect(viaRest.body.data.failedEntries[0].error.message).toContain('"Engineering"');
    expect(await licensedEmails(u)).toContain(email("liam.oconnor"));
  });

  it("refuses a rule that does not fit, then lists members who join a full plan as waiting, in order", async () => {
    await setRoles(u, "Team", ["grace.wright"]);
    const licensedNow = (await licensedEmails(u)).length;
    await setPlan(orgId(), subscription(licensedNow + 4, "team"));
    const preview = await ok(
      u.call<GroupRulePreviewResponse>(u.priya, "POST", "users/group-rules/preview", {
        groupDescriptor: engineering,
        role: "Team",
      }),
    );
    expect(preview.impact).toMatchObject({
      fits: false,
      seatsFree: 4,
      usersNeeded: licensedNow + preview.impact.seatsNeeded,
    });
    expect(preview.impact.seatsMissing).toBe(preview.impact.seatsNeeded - 4);
    expect(preview.impact.costText).toEqual(expect.any(String));
    expect(preview.impact.subscriptionUrl).toContain(
      `timetracker-subscription-hub?users=${licensedNow + preview.impact.seatsNeeded}`,
    );
    const refused = await u.call<{ error: { code: string; message: string } }>(u.priya, "POST", "users/group-rules", {
      groupDescriptor: engineering,
      role: "Team",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("seat_limit");
    expect((await ok(u.call<GroupRulesResponse>(u.priya, "GET", "users/group-rules"))).rules).toEqual([]);
    expect((await licensedEmails(u)).length).toBe(licensedNow);

    // Seats for exactly the group: the rule fits; then two people join the group.
    await setPlan(orgId(), subscription(licensedNow + preview.impact.seatsNeeded, "team"));
    const created = await createRule();
    await addToGroup(engineering, email("noah.williams"));
    await addToGroup(engineering, email("benjamin.lee"));
    const full = await sync(created.rule.id);
    expect(full.added).toBe(0);
    expect(full.message).toContain("2 members wait for a seat");
    expect(full.rule.sync.waiting.people.map((p) => p.email)).toEqual([email("benjamin.lee"), email("noah.williams")]);

    await setRoles(u, "None", ["grace.wright"]); // frees one seat
    const next = await sync(created.rule.id);
    expect(next.added).toBe(1);
    expect(await licensedEmails(u)).toContain(email("benjamin.lee"));
    expect(next.rule.sync.waiting.people.map((p) => p.email)).toEqual([email("noah.williams")]);
    await removeFromGroup(engineering, email("noah.williams"));
    await removeFromGroup(engineering, email("benjamin.lee"));
    await setPlan(orgId(), null);
    await setRoles(u, "Team", ["grace.wright"]);
  });

  it("never licenses more users than seats when syncs and Sync now race", async () => {
    const licensedNow = (await licensedEmails(u)).length;
    const created = await createRule();
    const withRule = (await licensedEmails(u)).length;
    for (const who of ["noah.williams", "benjamin.lee", "amara.nwosu", "lukas.novak"])
      await addToGroup(engineering, email(who));
    await setPlan(orgId(), subscription(withRule + 2, "team"));
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => u.call(u.priya, "POST", `users/group-rules/${created.rule.id}/sync`)),
      u.call(u.priya, "POST", "users/group-rules/sync"),
      u.stack.functions.runTimer("group-rules-sync").then(() => ({ status: 200 })),
    ]);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    await sync(created.rule.id);
    expect((await licensedEmails(u)).length).toBe(withRule + 2);
    expect(withRule).toBeGreaterThan(licensedNow);
    for (const who of ["noah.williams", "benjamin.lee", "amara.nwosu", "lukas.novak"])
      await removeFromGroup(engineering, email(who));
  });

  it("asks before deleting, says who loses their license, and frees their seats", async () => {
    await setRoles(u, "Team", ["liam.oconnor"]);
    await setRoles(u, "None", ["mei.chen"]);
    const created = await createRule();
    const preview = await ok(
      u.call<GroupRuleDeletePreviewResponse>(u.priya, "GET", `users/group-rules/${created.rule.id}/delete-preview`),
    );
    expect(preview.keep).toBe(1); // Liam keeps his direct Team
    expect(preview.loseLicense.count).toBe(8);
    expect(preview.message).toContain("8 users lose their license");
    await ok(u.call(u.priya, "DELETE", `users/group-rules/${created.rule.id}`));
    const licensed = await licensedEmails(u);
    expect(licensed).toContain(email("liam.oconnor"));
    expect(licensed).not.toContain(email("zara.ahmed"));
  });
});

describe("bad input and who may", () => {
  it("answers clear 4xx errors and writes nothing", async () => {
    const post = (body: unknown, who = u.priya) =>
      u.call<{ error: { message: string } }>(who, "POST", "users/group-rules", body);
    const none = await post({ groupDescriptor: engineering, role: "None" });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain("a rule cannot give None");
    const unknown = await post({ groupDescriptor: "vssgp.Uy0xLTktbm9zdWNoZ3JvdXA", role: "Team" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("no such group");
    expect((await post({ groupDescriptor: engineering, role: "Team" }, u.liam)).status).toBe(403);
    await createRule();
    const twice = await post({ groupDescriptor: engineering, role: "Budget" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain("has a rule already");
    const rules = await ok(u.call<GroupRulesResponse>(u.priya, "GET", "users/group-rules"));
    expect(rules.rules).toHaveLength(1);
    expect((await u.call(u.priya, "DELETE", "users/group-rules/not a rule")).status).toBe(400);
    expect((await u.call(u.priya, "POST", "users/group-rules/rule-0000/sync")).status).toBe(404);
  });

  it("needs the service account to create a rule, and the preview says so before Save", async () => {
    await ok(u.call(u.priya, "DELETE", "users/service-account"));
    try {
      const needed =
        "Group rules read their groups with the organization's service account, and none is saved: a Project Collection Administrator saves one under Timetracker Permissions › Service account (or in Timetracker Settings).";
      // The page's preview reads the group with Priya's own token and says the rule cannot be saved yet.
      const preview = await ok(
        u.call<GroupRulePreviewResponse>(u.priya, "POST", "users/group-rules/preview", {
          groupDescriptor: engineering,
          role: "Team",
        }),
      );
      expect(preview).toMatchObject({ members: 9, saveBlocked: needed });
      const refused = await u.call<{ error: { message: string } }>(u.priya, "POST", "users/group-rules", {
        groupDescriptor: engineering,
        role: "Team",
      });
      expect({ status: refused.status, message: refused.body.error.message }).toEqual({ status: 409, message: needed });
    } finally {
      const pat = u.stack.devops.state.createPat("fabrikam", email("sofia.hernandez"));
      await ok(u.call(u.priya, "POST", "users/service-account", { pat }));
    }
  });
});

describe("the REST API for group rules", () => {
  it("lists, previews, creates, syncs and deletes rules, answering as its OpenAPI document says", async () => {
    const token = await ok(u.call<CreateTokenResponse>(u.priya, "POST", "tokens", { name: "group rules" }));
    const auth = bearer(token.secret);
    const doc = (
      await rest<{ components: { schemas: Record<string, unknown> } }>(u.stack, undefined, "GET", "openapi.json")
    ).body;
    // OpenAPI's formats (date-time) are descriptions here; the shapes are what is checked.
    const ajv = new Ajv({ strict: false, validateFormats: false });
    ajv.addSchema({ components: doc.components }, "doc");
    const conforms = (schema: string, body: unknown) => {
      const valid = ajv.validate({ $ref: `doc#/components/schemas/${schema}` }, body);
      expect(valid, JSON.stringify(ajv.errors)).toBe(true);
    };
    const preview = await rest(u.stack, auth, "POST", "users/group-rules/preview", {
      groupDescriptor: engineering,
      role: "Team",
    });
    expect(preview.status).toBe(200);
    conforms("GroupRulePreview", preview.body);
    const created = await rest<GroupRuleSyncResponse>(u.stack, auth, "POST", "users/group-rules", {
      groupDescriptor: engineering,
      role: "Team",
    });
    expect(created.status).toBe(201);
    conforms("GroupRuleSync", created.body);
    const listed = await rest(u.stack, auth, "GET", "users/group-rules");
    conforms("GroupRules", listed.body);
    const synced = await rest(u.stack, auth, "POST", `users/group-rules/${created.body.rule.id}/sync`);
    expect(synced.status).toBe(200);
    conforms("GroupRuleSync", synced.body);
    conforms("GroupRulesSync", (await rest(u.stack, auth, "POST", "users/group-rules/sync")).body);
    expect((await rest(u.stack, auth, "DELETE", `users/group-rules/${created.body.rule.id}`)).status).toBe(200);
    expect((await rest(u.stack, undefined, "GET", "users/group-rules")).status).toBe(401);
  });

  it("answers bad input and a service account that cannot read the group with clear 4xx errors, writing nothing", async () => {
    const token = await ok(u.call<CreateTokenResponse>(u.priya, "POST", "tokens", { name: "group rules errors" }));
    const auth = bearer(token.secret);
    type Refusal = { error: { message: string } };
    const send = (path: "users/group-rules" | "users/group-rules/preview", groupDescriptor: string, role = "Team") =>
      rest<Refusal>(u.stack, auth, "POST", path, { groupDescriptor, role });
    const refused = async (
      answer: Promise<{ status: number; body: Refusal }>,
      status: number,
      message: string | RegExp,
    ): Promise<void> => {
      const { status: got, body } = await answer;
      expect({ status: got, message: body.error.message }).toEqual({ status, message: expect.stringMatching(message) });
    };
    await refused(send("users/group-rules", engineering, "None"), 400, /a rule cannot give None/);
    await refused(send("users/group-rules/preview", "vssgp.Uy0xLTktbm9zdWNoZ3JvdXA"), 404, /no such group/);
    expect((await send("users/group-rules", engineering)).status).toBe(201);
    await refused(send("users/group-rules", engineering, "Budget"), 409, /has a rule already/);
    const platform = (await ok(u.call<GroupSearchResponse>(u.priya, "GET", "users/groups?query=Platform"))).groups[0]
      .descriptor;
    const licensedBefore = await licensedEmails(u);

    // The service account's token expired (revoked here): the answer says what to fix, not that the caller's token is bad.
    const expired = u.stack.devops.state.createPat("fabrikam", email("sofia.hernandez"));
    await ok(u.call(u.priya, "POST", "users/service-account", { pat: expired }));
    u.stack.devops.state.revokePat(expired);
    const cannotRead = /service account cannot read this group's members.*save a new token/;
    try {
      await refused(send("users/group-rules/preview", platform), 409, cannotRead);
      await refused(send("users/group-rules", platform), 409, cannotRead);
      await ok(u.call(u.priya, "DELETE", "users/service-account"));
      await refused(send("users/group-rules/preview", platform), 409, /service account/);
      await refused(send("users/group-rules", platform), 409, /service account/);
    } finally {
      const pat = u.stack.devops.state.createPat("fabrikam", email("sofia.hernandez"));
      await ok(u.call(u.priya, "POST", "users/service-account", { pat }));
    }
    const rules = (await rest<GroupRulesResponse>(u.stack, auth, "GET", "users/group-rules")).body.rules;
    expect(rules.map((r) => r.group.displayName)).toEqual(["Engineering"]);
    expect(await licensedEmails(u)).toEqual(licensedBefore);

    // A token whose owner may no longer manage users is refused here as on every REST route.
    const marcus = await ok(u.call<CreateTokenResponse>(u.marcus, "POST", "tokens", { name: "before demotion" }));
    await ok(u.call(u.priya, "POST", "users/roles", { role: "Team", userIds: [u.marcus.user.id] }));
    try {
      const demoted = await rest<Refusal>(u.stack, bearer(marcus.secret), "POST", "users/group-rules/sync");
      expect(demoted.status).toBe(403);
      expect(demoted.body.error.message).toMatch(/Marcus Johnson.*no longer a Timetracker Administrator/);
    } finally {
      await ok(u.call(u.priya, "POST", "users/roles", { role: "Administrator", userIds: [u.marcus.user.id] }));
    }
  });
});
