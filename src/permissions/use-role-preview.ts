import * as React from "react";
import { MAX_ASSIGN_USERS } from "../../functions/contracts/users";
import { usersService, type AssignedRole, type AssignRolesPreviewResponse } from "../services/users-service";
import { useDebounced } from "./use-debounced";

/** Waits for clicking through users and roles to settle before asking the server. */
const PREVIEW_DEBOUNCE_MS = 300;

export interface PreviewRequest {
  role: AssignedRole;
  userIds: readonly string[];
}

export type PreviewState =
  | { status: "idle" }
  | { status: "loading" }
  /** More users than one request may name: the server cannot say it in one answer. */
  | { status: "too-many" }
  | { status: "ready"; value: AssignRolesPreviewResponse }
  | { status: "failed"; error: Error };

type Answer =
  { request: PreviewRequest; value: AssignRolesPreviewResponse } | { request: PreviewRequest; error: Error } | null;

/**
 * The server's preview of a role change (POST users/roles/preview): what it does to seats,
 * what missing seats cost, who cannot be changed. Asked once the request has not changed for
 * a moment; only the answer for the role and list of users (memoised) shown now is shown. `show`
 * puts a fresher answer (the one asked right before applying) in its place; `refresh` asks
 * again (after the seats changed).
 */
export function useRolePreview(request: PreviewRequest | null): {
  state: PreviewState;
  show: (request: PreviewRequest, value: AssignRolesPreviewResponse) => void;
  refresh: () => void;
} {
  const settled = useDebounced(request, PREVIEW_DEBOUNCE_MS);
  const [answer, setAnswer] = React.useState<Answer>(null);
  const [round, setRound] = React.useState(0);
  React.useEffect(() => {
    if (!settled || settled.userIds.length === 0 || settled.userIds.length > MAX_ASSIGN_USERS) return;
    const abort = new AbortController();
    usersService.previewRoles(settled.role, [...settled.userIds], abort.signal).then(
      (value) => setAnswer({ request: settled, value }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setAnswer({ request: settled, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => abort.abort();
  }, [settled, round]);
  const show = React.useCallback(
    (request: PreviewRequest, value: AssignRolesPreviewResponse) => setAnswer({ request, value }),
    [],
  );
  const refresh = React.useCallback(() => setRound((r) => r + 1), []);
  return { state: stateOf(request, answer), show, refresh };
}

function stateOf(request: PreviewRequest | null, answer: Answer): PreviewState {
  if (!request || request.userIds.length === 0) return { status: "idle" };
  if (request.userIds.length > MAX_ASSIGN_USERS) return { status: "too-many" };
  // The same role for the same list of users (the callers memoise the list).
  if (!answer || answer.request.role !== request.role || answer.request.userIds !== request.userIds)
    return { status: "loading" };
  return "value" in answer ? { status: "ready", value: answer.value } : { status: "failed", error: answer.error };
}

/** The preview asked right before applying: the server decides on what the store holds now. */
export function previewNow(request: PreviewRequest): Promise<AssignRolesPreviewResponse | null> {
  if (request.userIds.length === 0 || request.userIds.length > MAX_ASSIGN_USERS) return Promise.resolve(null);
  return usersService.previewRoles(request.role, [...request.userIds]);
}
