import type { AssignedRole } from "../../../functions/domain/roles";
import type { BackendStack } from "../../../dev/stack";
import { api, signIn, type SignedIn } from "../../integration/support/sign-in";
import { assign } from "./users-api";

/** The callers of the authorisation sweep: the roles of docs/architecture.md, and a PCA with no role. */
export const SWEEP_ROLES = ["None", "Team", "Product", "Budget", "Administrator", "PCA-only"] as const;
export type SweepRole = (typeof SWEEP_ROLES)[number];

// Seeded fabrikam users (dev/devops/seed-fabrikam.ts); only Priya and Daniel are PCAs here.
const FABRIKAM_CAST: Record<SweepRole, { email: string; role: AssignedRole }> = {
  None: { email: "aisha.okafor@fabrikam.example", role: "None" },
  Team: { email: "liam.oconnor@fabrikam.example", role: "Team" },
  Product: { email: "mei.chen@fabrikam.example", role: "Product" },
  Budget: { email: "jonas.mueller@fabrikam.example", role: "Budget" },
  Administrator: { email: "marcus.johnson@fabrikam.example", role: "Administrator" },
  "PCA-only": { email: "daniel.kim@fabrikam.example", role: "None" },
};

export interface Cast {
  /** Priya Patel: first user of fabrikam (Administrator) and a PCA. */
  owner: SignedIn;
  byRole: Record<SweepRole, SignedIn>;
  /** Alex Rivera: first user of contoso (Administrator) and a PCA there. */
  contosoOwner: SignedIn;
}

/**
 * Signs everyone in, lets the first user create each org, and gives each sweep caller its
 * role the way a PCA does (user management's API).
 */
export async function assembleCast(stack: BackendStack): Promise<Cast> {
  const owner = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
  const contosoOwner = await signIn(stack, "contoso", "alex.rivera@contoso.example");
  await expectOk(await api(stack, owner, "GET", "me"));
  await expectOk(await api(stack, contosoOwner, "GET", "me"));
  const byRole = {} as Record<SweepRole, SignedIn>;
  for (const sweepRole of Object.keys(FABRIKAM_CAST) as SweepRole[]) {
    const { email, role } = FABRIKAM_CAST[sweepRole];
    const who = await signIn(stack, "fabrikam", email);
    await expectOk(await api(stack, who, "GET", "me"));
    await setRole(stack, owner, who, role);
    byRole[sweepRole] = who;
  }
  return { owner, byRole, contosoOwner };
}

async function setRole(stack: BackendStack, pca: SignedIn, who: SignedIn, role: AssignedRole): Promise<void> {
  const response = await assign(stack, pca, role, [who.user.id]);
  if (response.status !== 200)
    throw new Error(`Assigning ${role} to ${who.user.email}: ${response.status} ${JSON.stringify(response.body)}`);
}

async function expectOk(response: { status: number; body: unknown }): Promise<void> {
  if (response.status !== 200)
    throw new Error(`GET /api/me answered ${response.status}: ${JSON.stringify(response.body)}`);
}
