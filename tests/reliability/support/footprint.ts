import type { BackendStack } from "../../../dev/stack";
import { api, type SignedIn } from "../../integration/support/sign-in";
import type { Cast } from "./cast";
import { allEndpoints } from "./endpoints";

/** Strings that identify one org's data and must never appear in another org's answers. */
export interface Footprint {
  /** Ids of objects that exist only in this org (worklogs, activity types, users...). */
  objectIds: string[];
  markers: Set<string>;
}

async function created(stack: BackendStack, who: SignedIn, path: string, body: unknown): Promise<{ id?: string }> {
  const response = await api<{ id?: string }>(stack, who, "POST", path, body);
  if (response.status >= 300)
    throw new Error(`Seeding POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Gives fabrikam data through the API, as its users would, so every store the features
 * use holds something of fabrikam's to leak.
 */
export async function seedFabrikam(stack: BackendStack, cast: Cast): Promise<Footprint> {
  const { owner } = cast;
  const team = cast.byRole.Team;
  const activity = await created(stack, owner, "activity-types", { name: "Fabrikam Blueprint Review" });
  const ownLog = await created(stack, owner, "worklogs", {
    workItemId: 3,
    start: "2026-03-02T09:00:00+01:00",
    durationSeconds: 3600,
    comment: "Fabrikam confidential merger prep",
  });
  const teamLog = await created(stack, team, "worklogs", {
    workItemId: 5,
    start: "2026-03-03T10:00:00+01:00",
    durationSeconds: 1800,
    comment: "Fabrikam reset links",
  });
  await api(stack, owner, "PATCH", "time-settings", { editingTimeRoles: ["Administrator", "Product"] });
  await created(stack, cast.byRole.Administrator, "timer/start", {
    workItemId: 6,
    comment: "Fabrikam timer running",
    utcOffset: "+01:00",
  });

  const people = [owner, ...Object.values(cast.byRole)];
  const objectIds = [activity.id, ownLog.id, teamLog.id, ...people.map((p) => p.user.id)].filter(
    (id): id is string => typeof id === "string",
  );
  const markers = new Set<string>([
    owner.org.id,
    ...objectIds,
    ...people.flatMap((p) => [p.user.email, p.user.displayName]),
    "Fabrikam Blueprint Review",
    "Fabrikam confidential merger prep",
    "Fabrikam timer running",
    "fabrikam.example",
  ]);
  // Whatever later features return from their list pages is fabrikam's too.
  for (const text of await distinctiveStrings(stack, owner, cast.contosoOwner)) markers.add(text);
  return { objectIds, markers };
}

/**
 * Strings in fabrikam's answers to every parameterless GET that contoso's own answers do not
 * contain: names, ids, emails, comments of whatever the features store. Dates, short words
 * and shared vocabulary (roles, plan names) cancel out or are skipped.
 */
async function distinctiveStrings(stack: BackendStack, fabrikam: SignedIn, contoso: SignedIn): Promise<Set<string>> {
  const gets = allEndpoints().filter((e) => e.auth === "user" && e.method === "GET" && e.params.length === 0);
  const collect = async (who: SignedIn) => {
    const strings = new Set<string>();
    for (const e of gets) {
      const response = await api(stack, who, "GET", e.route);
      if (response.status === 200) walk(response.body, strings);
    }
    return strings;
  };
  const [theirs, ours] = [await collect(fabrikam), await collect(contoso)];
  return new Set(
    [...theirs].filter(
      (s) => !ours.has(s) && s.length >= 8 && !/^\d{4}-\d{2}-\d{2}/.test(s) && !/^"?[0-9a-f]+"?$/i.test(s),
    ),
  );
}

function walk(value: unknown, into: Set<string>): void {
  if (typeof value === "string") into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, into));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => walk(v, into));
}
