import type { RestAssignResponse, RestFailedEntry } from "../../contracts/rest-users";
import { RestAssignEntry } from "../../contracts/rest-users";
import { mapLimited } from "../../domain/map-limited";
import { duplicateKeys, resolveRoleReference } from "../../domain/role-assignment";
import type { AssignedRole } from "../../domain/roles";
import type { DirectoryCredential, DirectoryUser } from "../../ports/org-directory";
import { applyRoleChanges } from "./apply-role-changes";
import type { RoleChangeInput } from "./role-change";
import { ownerIsPca, type RestPrincipal } from "./rest-auth";
import { serviceCredential } from "./service-account";
import type { UsersDeps } from "./users-deps";

interface Entry {
  index: number;
  raw: unknown;
  id: string | null;
  email: string | null;
  role: AssignedRole;
  userId?: string;
  profile?: DirectoryUser;
}

/** What the request did: `applied` is false when no entry could be applied. */
export interface RestAssignResult {
  applied: boolean;
  body: RestAssignResponse;
}

/**
 * POST /api/rest/users/roles. Entries are independent: a malformed entry, an unknown role or
 * user, or a user listed twice fails alone with its reason. The seat limit is checked for
 * the whole request before anything is written (a seat refusal, and nothing changes). Users Timetracker
 * has no record of are looked up with the org's service account (a conflict when none is saved).
 */
export async function assignRestRoles(
  deps: UsersDeps,
  principal: RestPrincipal,
  rawEntries: unknown[],
): Promise<RestAssignResult> {
  const failures = new Map<number, string>();
  const entries = rawEntries.flatMap((raw, index) => {
    const parsed = parseEntry(raw, index);
    if (typeof parsed === "string") failures.set(index, parsed);
    return typeof parsed === "string" ? [] : [parsed];
  });
  failDuplicates(entries, (e) => e.id ?? `email:${e.email}`, failures);
  const org = principal.org.value;
  let credential: DirectoryCredential | undefined;
  const directoryCredential = async () => (credential ??= await serviceCredential(deps, org.id));

  await resolveEmails(
    deps,
    org,
    entries.filter((e) => e.email && !failures.has(e.index)),
    directoryCredential,
    failures,
  );
  const live = entries.filter((e) => !failures.has(e.index));
  for (const e of live) e.userId ??= e.id!;
  failDuplicates(live, (e) => e.userId!, failures);

  const inputs = live.filter((e) => !failures.has(e.index));
  const ownerId = principal.token.ownerId.toLowerCase();
  // As on the page: an owner who manages users only through their Administrator role may not
  // take it from themselves (their token would stop working with it). Whether they are a PCA
  // is asked only when the request names them.
  const guardOwner =
    principal.authority === "role" &&
    inputs.some((e) => e.userId === ownerId) &&
    !(await ownerIsPca(deps, org, ownerId));
  const outcomes = await applyRoleChanges(
    deps,
    {
      org,
      actor: principal.actor,
      surface: "rest-api",
      lookUp: async (ids) => deps.directory.usersByIds(org.name, await directoryCredential(), ids),
      ...(guardOwner ? { managesThroughRole: ownerId } : {}),
    },
    inputs.map((e): RoleChangeInput => ({
      userId: e.userId!,
      role: e.role,
      ...(e.profile ? { profile: e.profile } : {}),
    })),
  );
  outcomes.forEach((outcome, i) => {
    if (!outcome.ok) failures.set(inputs[i].index, outcome.message);
  });

  const failedEntries: RestFailedEntry[] = [...failures.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, message]) => ({ entity: rawEntries[index], error: { message } }));
  const succeeded = rawEntries.length - failedEntries.length;
  const body: RestAssignResponse = { data: { succeeded, failed: failedEntries.length, failedEntries } };
  return { applied: succeeded > 0, body };
}

function parseEntry(raw: unknown, index: number): Entry | string {
  const parsed = RestAssignEntry.safeParse(raw);
  if (!parsed.success)
    return parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
  const { id, vstsId, email, role } = parsed.data;
  if (!id && !vstsId && !email) return "Name the user with email, id or vstsId.";
  if (id && vstsId && id.toLowerCase() !== vstsId.toLowerCase()) return "id and vstsId name different users.";
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) return `'${email}' is not an e-mail address.`;
  const lookup = resolveRoleReference(role);
  if (!lookup.ok) return lookup.message;
  return {
    index,
    raw,
    id: (id ?? vstsId)?.toLowerCase() ?? null,
    email: email?.toLowerCase() ?? null,
    role: lookup.role,
  };
}

/** Every entry naming a user that another live entry names too fails (none of them is applied). */
function failDuplicates(entries: Entry[], keyOf: (e: Entry) => string, failures: Map<number, string>): void {
  const live = entries.filter((e) => !failures.has(e.index));
  const duplicates = duplicateKeys(live, keyOf);
  for (const e of live)
    if (duplicates.has(keyOf(e))) failures.set(e.index, "This user is listed more than once in the request.");
}

/** Entries named by e-mail: Timetracker's members first, then Azure DevOps. */
async function resolveEmails(
  deps: UsersDeps,
  org: { id: string; name: string },
  entries: Entry[],
  credential: () => Promise<DirectoryCredential>,
  failures: Map<number, string>,
): Promise<void> {
  if (entries.length === 0) return;
  const known = await deps.roster.findByEmails(
    org.id,
    entries.map((e) => e.email!),
  );
  const unknown = entries.filter((e) => !known.has(e.email!));
  const found =
    unknown.length > 0
      ? await lookUpEmails(
          deps,
          org.name,
          await credential(),
          unknown.map((e) => e.email!),
        )
      : new Map<string, DirectoryUser>();
  for (const e of entries) {
    const member = known.get(e.email!);
    const profile = found.get(e.email!);
    const userId = member?.userId ?? profile?.id;
    if (!userId) failures.set(e.index, `No user with the e-mail address ${e.email} in this organization.`);
    else if (e.id && e.id !== userId.toLowerCase()) failures.set(e.index, "email and id name different users.");
    else {
      e.userId = userId;
      if (!member && profile) e.profile = profile;
    }
  }
}

async function lookUpEmails(
  deps: UsersDeps,
  orgName: string,
  credential: DirectoryCredential,
  emails: string[],
): Promise<Map<string, DirectoryUser>> {
  const distinct = [...new Set(emails)];
  const users = await mapLimited(distinct, 8, (email) => deps.directory.userByEmail(orgName, credential, email));
  return new Map(distinct.flatMap((email, i) => (users[i] ? [[email, users[i]] as const] : [])));
}
