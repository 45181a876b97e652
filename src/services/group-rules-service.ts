import type {
  GroupRuleDeletePreviewResponse,
  GroupRulePreviewResponse,
  GroupRuleRequest,
  GroupRuleSyncResponse,
  GroupRulesResponse,
  GroupRulesSyncResponse,
} from "../../functions/contracts/group-rules";
import { getBackend } from "./backend";

export type {
  GroupRuleDeletePreviewResponse,
  GroupRulePreviewResponse,
  GroupRuleRequest,
  GroupRuleSyncResponse,
  GroupRulesResponse,
  GroupRuleView,
  PeopleSample,
  PersonRef,
} from "../../functions/contracts/group-rules";
export { RULE_ROLES } from "../../functions/contracts/group-rules";

/** A role a rule can give (Default or a licensed role). */
export type RuleRole = GroupRuleRequest["role"];

/** DELETE group-rules/{id}: the server's words, and how many members lost the rule's part. */
export interface DeleteGroupRuleResponse {
  message: string;
  removed: number;
}

const api = () => getBackend();
const rule = (id: string) => `users/group-rules/${encodeURIComponent(id)}`;

/** Group rules (Permissions › Group rules): licenses that follow an Azure DevOps or Entra group. */
export const groupRulesService = {
  list: () => api().get<GroupRulesResponse>("users/group-rules"),
  preview: (request: GroupRuleRequest) => api().post<GroupRulePreviewResponse>("users/group-rules/preview", request),
  /** Saves the rule and runs its first sync: the answer is the rule after it. */
  create: (request: GroupRuleRequest) => api().post<GroupRuleSyncResponse>("users/group-rules", request),
  deletePreview: (id: string) => api().get<GroupRuleDeletePreviewResponse>(`${rule(id)}/delete-preview`),
  remove: (id: string) => api().delete<DeleteGroupRuleResponse>(rule(id)),
  sync: (id: string) => api().post<GroupRuleSyncResponse>(`${rule(id)}/sync`),
  /** `count`: the held removals the administrator saw; a larger number is held again. */
  confirmRemovals: (id: string, count: number) =>
    api().post<GroupRuleSyncResponse>(`${rule(id)}/confirm-removals`, { count }),
  syncAll: () => api().post<GroupRulesSyncResponse>("users/group-rules/sync"),
};
