import { getBackend } from "./backend";
import type { MeResponse } from "./contracts";

let pending: Promise<MeResponse> | undefined;

/**
 * Who is signed in and what they may do (GET /api/me). Several components of one frame
 * ask for it; they share one request. A failed request is forgotten so a retry asks again.
 */
export function getMe(): Promise<MeResponse> {
  if (!pending) {
    const request = getBackend().get<MeResponse>("me");
    pending = request;
    request.catch(() => {
      if (pending === request) pending = undefined;
    });
  }
  return pending;
}
