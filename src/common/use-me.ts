import { getMe } from "../services/me-service";
import type { MeResponse } from "../services/contracts";
import { useAsync, type AsyncState } from "./use-async";

/** The signed-in user's /api/me answer, shared by all components of the frame. */
export function useMe(): AsyncState<MeResponse> {
  return useAsync(getMe);
}
