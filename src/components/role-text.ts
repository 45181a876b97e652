import type { MeResponse } from "../services/contracts";

/** "Team", or "Team (Default)" when the role follows the org's default role. */
export function describeRole(role: MeResponse["role"]): string {
  return role.assigned === "Default" ? `${role.effective} (Default)` : role.effective;
}

export function describeLicense(licensed: boolean): string {
  return licensed ? "Licensed" : "Not licensed";
}
