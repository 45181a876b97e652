import type { AuditActor } from "../../domain/audit";
import type { OrgRecord } from "../../domain/org";
import type { DirectoryCredential } from "../../ports/org-directory";

/**
 * Who manages group rules: a user on the Permissions page (reading groups with their own
 * token, so Azure DevOps decides what they may see) or a REST API token (through the
 * service account). Either may manage users; the handlers checked that.
 */
export interface RuleCaller {
  org: OrgRecord;
  actor: AuditActor;
  /** The credential previews read groups with; null: the service account's. */
  credential: DirectoryCredential | null;
  /** PCAs see the rules' problems as warnings on the Permissions page. */
  isPca: boolean;
  /** Names this request as a sync's lease holder. */
  requestId: string;
}
