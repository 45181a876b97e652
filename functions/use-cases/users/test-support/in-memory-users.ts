import { ExpiringCache } from "../../../auth/expiring-cache";
import type { AuditEntry } from "../../../domain/audit";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../../../domain/errors";
import type { GroupRuleRecord } from "../../../domain/group-rule";
import type { GroupRuleStore } from "../../../ports/group-rule-store";
import type { MemberRecord } from "../../../domain/member";
import type { OrgRecord } from "../../../domain/org";
import { REST_API_WINDOWS, SlidingWindowLimiter } from "../../../domain/rate-limit";
import { effectiveRoleOf } from "../../../domain/role-sources";
import { isLicensed } from "../../../domain/roles";
import type { SeatCounts } from "../../../domain/seats";
import type { MemberActivity } from "../../../ports/member-activity";
import type { MemberRoster, RuleHolder } from "../../../ports/member-roster";
import type { HoldersChange, RuleHolderIndex } from "../../../ports/rule-holder-index";
import type { OrgStore } from "../../../ports/org-store";
import type { OpResult, SeatCommitStore } from "../../../ports/seat-commit";
import type { SeatLedger, SeatLedgerStore } from "../../../ports/seat-ledger-store";
import type { Versioned } from "../../../ports/versioned";
import type { UsersDeps } from "../users-deps";

/** Changes the in-memory holders index keeps before a write must rewrite it. */
const MAX_CHANGES = 2;

/**
 * In-memory stores with etags for unit tests of the seat protocol. Every call yields to the
 * event loop a random number of times, so concurrent requests interleave differently on
 * every run; `onWrite` sees the state after each single document write.
 */
export class InMemoryUsersWorld {
  readonly members = new Map<string, { value: MemberRecord; etag: string }>();
  ledger: { value: SeatLedger; etag: string } | null = null;
  org: { value: OrgRecord; etag: string };
  readonly audit: AuditEntry[] = [];
  readonly outbox = new Map<string, AuditEntry>();
  /** What `warn` was told (bookkeeping failures). */
  readonly warnings: string[] = [];
  readonly rules = new Map<string, { value: GroupRuleRecord; etag: string }>();
  readonly holderIndex = new Map<string, { version: string; holders: RuleHolder[]; changes: HoldersChange[] }>();
  private version = 0;

  /** Batches land all or nothing, as on Cosmos DB. */
  constructor(
    org: OrgRecord,
    private readonly random: () => number,
    readonly onWrite: () => void = () => undefined,
  ) {
    this.org = { value: org, etag: this.nextEtag() };
  }

  nextEtag(): string {
    return `e${++this.version}`;
  }

  async yieldRandomly(): Promise<void> {
    const turns = Math.floor(this.random() * 4);
    for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  deps(): UsersDeps {
    return InMemoryUsersWorld.portsOf(this);
  }

  // Static, so the ports' object-literal methods (whose `this` is the literal) can name the world.
  private static portsOf(world: InMemoryUsersWorld): UsersDeps {
    const ledgers: SeatLedgerStore = {
      async get() {
        await world.yieldRandomly();
        return world.ledger ? { ...world.ledger } : null;
      },
      async create(ledger) {
        await world.yieldRandomly();
        if (world.ledger) throw new ConflictError("exists");
        world.ledger = { value: ledger, etag: world.nextEtag() };
        return { ...world.ledger };
      },
      async replace(ledger, etag) {
        await world.yieldRandomly();
        if (!world.ledger || world.ledger.etag !== etag) throw new PreconditionFailedError("changed");
        world.ledger = { value: ledger, etag: world.nextEtag() };
        return { ...world.ledger };
      },
      async *orgIds() {
        if (world.ledger) yield world.org.value.id;
      },
    };
    const roster: MemberRoster = {
      async get(_orgId, id) {
        await world.yieldRandomly();
        const member = world.members.get(id);
        return member ? { ...member } : null;
      },
      async listAll() {
        await world.yieldRandomly();
        return [...world.members.values()].map((m) => m.value);
      },
      async ruleHolders(_orgId, ruleId) {
        await world.yieldRandomly();
        return [...world.members.values()]
          .map((m) => m.value)
          .filter((m) => m.grants.some((g) => g.ruleId === ruleId))
          .map((m) => ({ id: m.userId, displayName: m.displayName, email: m.email, uniqueName: m.uniqueName }));
      },
      async withRule(_orgId, ruleId) {
        await world.yieldRandomly();
        return [...world.members.values()].map((m) => m.value).filter((m) => m.grants.some((g) => g.ruleId === ruleId));
      },
      async readMany(_orgId, ids) {
        await world.yieldRandomly();
        return new Map(
          ids.flatMap((id) => (world.members.has(id) ? [[id, { ...world.members.get(id)! }] as const] : [])),
        );
      },
      async list() {
        throw new Error("not used");
      },
      async findByEmails() {
        return new Map();
      },
      async matchingIds() {
        throw new Error("not used");
      },
      async countCategories(): Promise<SeatCounts> {
        await world.yieldRandomly();
        return world.actualCounts();
      },
    };
    const commits: SeatCommitStore = {
      async commit(_orgId, c) {
        await world.yieldRandomly();
        const notRun = (): OpResult[] => c.writes.map(() => "not-run");
        if (!world.ledger || world.ledger.etag !== c.ledger.etag)
          return { ledger: "changed", audit: "not-run", writes: notRun() };
        const staged: Array<() => void> = [
          () => (world.ledger = { value: c.ledger.value, etag: world.nextEtag() }),
          () => world.outbox.set(c.audit.id, c.audit),
        ];
        const writes: OpResult[] = notRun();
        for (const [i, write] of c.writes.entries()) {
          const existing = world.members.get(write.member.userId);
          const ok = write.kind === "create" ? !existing : existing?.etag === write.etag;
          if (!ok)
            return {
              ledger: "not-run",
              audit: "not-run",
              writes: writes.map((_, j) => (j === i ? "changed" : "not-run")),
            };
          staged.push(() => world.members.set(write.member.userId, { value: write.member, etag: world.nextEtag() }));
          writes[i] = "landed";
        }
        for (const apply of staged) apply();
        world.onWrite();
        return { ledger: "landed", ledgerEtag: world.ledger.etag, audit: "landed", writes };
      },
      async commitOrg(org, ledger, audit) {
        await world.yieldRandomly();
        const ledgerOk = !!world.ledger && world.ledger.etag === ledger.etag;
        const orgOk = world.org.etag === org.etag;
        if (!ledgerOk || !orgOk) return "changed";
        world.ledger = { value: ledger.value, etag: world.nextEtag() };
        world.org = { value: org.value, etag: world.nextEtag() };
        world.outbox.set(audit.id, audit);
        world.onWrite();
        return "committed";
      },
      async pendingAudit() {
        return [...world.outbox.values()];
      },
      async clearPendingAudit(_orgId, ids) {
        for (const id of ids) world.outbox.delete(id);
      },
    };
    const orgs: OrgStore = {
      async get() {
        await world.yieldRandomly();
        return { ...world.org };
      },
      async getWithMember(_orgId, userId) {
        await world.yieldRandomly();
        const member = world.members.get(userId);
        return { org: { ...world.org }, member: member ? { ...member } : null };
      },
      async create() {
        throw new ConflictError("The in-memory world has its org already.");
      },
      async replace(org: OrgRecord, etag: string): Promise<Versioned<OrgRecord>> {
        await world.yieldRandomly();
        if (world.org.etag !== etag) throw new PreconditionFailedError("changed");
        world.org = { value: org, etag: world.nextEtag() };
        world.onWrite();
        return { ...world.org };
      },
    };
    // A stamp changes the record's etag, as a Cosmos patch does (a role change that read it before retries).
    const activity: MemberActivity = {
      async touch(_orgId, userId, field, at) {
        await world.yieldRandomly();
        const member = world.members.get(userId);
        if (member) world.members.set(userId, { value: { ...member.value, [field]: at }, etag: world.nextEtag() });
      },
      async rename({ userId }, displayName) {
        await world.yieldRandomly();
        const member = world.members.get(userId);
        if (member) world.members.set(userId, { value: { ...member.value, displayName }, etag: world.nextEtag() });
      },
    };
    let ids = 0;
    return {
      orgs,
      roster,
      activity,
      ledgers,
      commits,
      audit: {
        append: async (entries) => {
          for (const entry of entries) if (!world.audit.some((e) => e.id === entry.id)) world.audit.push(entry);
        },
        list: async () => ({ entries: [], continuation: null }),
      },
      rules: InMemoryUsersWorld.rulesOf(world),
      ruleHolders: InMemoryUsersWorld.holderIndexOf(world),
      tokens: undefined as never,
      serviceAccounts: undefined as never,
      directory: undefined as never,
      // No paid subscription and no catalog price: a seat impact then names no cost or saving.
      seatCost: { forUsers: async () => null, monthlySaving: async () => null },
      limiter: new SlidingWindowLimiter(REST_API_WINDOWS),
      ownerAuthority: new ExpiringCache(),
      settings: {
        publicBaseUrl: "https://dev.azure.com",
        extensionId: "timetracker-oss.timetracker",
        secretsKey: Buffer.alloc(32).toString("base64"),
      },
      now: () => new Date("2026-11-10T00:00:00Z"),
      randomBytes: () => Buffer.alloc(32),
      newId: () => `id-${++ids}`,
      warn: (line) => world.warnings.push(line),
      sleep: () => world.yieldRandomly(),
    };
  }

  private static rulesOf(world: InMemoryUsersWorld): GroupRuleStore {
    return {
      async list() {
        await world.yieldRandomly();
        return [...world.rules.values()].map((r) => ({ ...r }));
      },
      async get(_orgId, id) {
        await world.yieldRandomly();
        const rule = world.rules.get(id);
        return rule ? { ...rule } : null;
      },
      async create(rule) {
        await world.yieldRandomly();
        if (world.rules.has(rule.id)) throw new ConflictError("exists");
        world.rules.set(rule.id, { value: rule, etag: world.nextEtag() });
        return { ...world.rules.get(rule.id)! };
      },
      async replace(rule, etag) {
        await world.yieldRandomly();
        const current = world.rules.get(rule.id);
        if (!current) throw new NotFoundError("gone");
        if (current.etag !== etag) throw new PreconditionFailedError("changed");
        world.rules.set(rule.id, { value: rule, etag: world.nextEtag() });
        return { ...world.rules.get(rule.id)! };
      },
      async delete(_orgId, id) {
        await world.yieldRandomly();
        world.rules.delete(id);
      },
      async *orgIds() {
        if (world.rules.size > 0) yield world.org.value.id;
      },
    };
  }

  /** One entry per rule: the holders as written, under their version, and the changes appended (the parts are one here). */
  private static holderIndexOf(world: InMemoryUsersWorld): RuleHolderIndex {
    const copy = (holders: readonly RuleHolder[]) => holders.map((h) => ({ ...h }));
    return {
      async read(_orgId, ruleId, ref) {
        await world.yieldRandomly();
        const written = world.holderIndex.get(ruleId);
        if (!written || written.version !== ref.version || written.changes.length < ref.changes) return null;
        const byId = new Map(copy(written.holders).map((h) => [h.id, h]));
        for (const change of written.changes.slice(0, ref.changes)) {
          for (const userId of change.removed) byId.delete(userId);
          for (const h of copy(change.added)) byId.set(h.id, h);
        }
        return byId;
      },
      async write(_orgId, ruleId, holders, version) {
        await world.yieldRandomly();
        world.holderIndex.set(ruleId, { version, holders: copy(holders), changes: [] });
        return { version, parts: 1, changes: 0, changeBytes: 0 };
      },
      async append(_orgId, ruleId, onto, change) {
        await world.yieldRandomly();
        const written = world.holderIndex.get(ruleId);
        // Two changes at most (Cosmos keeps a megabyte of them), so tests see a rewrite follow.
        if (!written || written.version !== onto.version || onto.changes >= MAX_CHANGES) return null;
        // Numbered as on Cosmos: a change a sync cut short left under this number is replaced.
        written.changes.splice(onto.changes, Infinity, { removed: [...change.removed], added: copy(change.added) });
        return {
          ...onto,
          changes: onto.changes + 1,
          changeBytes: onto.changeBytes + change.removed.length + change.added.length,
        };
      },
      async delete(_orgId, ruleId) {
        await world.yieldRandomly();
        world.holderIndex.delete(ruleId);
      },
    };
  }

  actualCounts(): SeatCounts {
    let explicit = 0;
    let onDefault = 0;
    for (const { value } of this.members.values()) {
      if (value.role === "Default") onDefault++;
      else if (value.role !== "None") explicit++;
    }
    return { explicit, onDefault };
  }

  /** Members whose effective role (every part, Default resolved now) is licensed: what seats must cover. */
  actualLicensed(): number {
    const defaultRole = this.org.value.defaultRole;
    return [...this.members.values()].filter(({ value }) => isLicensed(effectiveRoleOf(value, defaultRole))).length;
  }
}
