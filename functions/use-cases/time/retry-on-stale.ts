import { PreconditionFailedError } from "../../domain/errors";
import type { ConflictRetry } from "../../domain/retry-on-conflict";

/**
 * Read-modify-write of a small shared document (org settings, activity types): when another
 * write slipped in between (412), read again and re-apply the change instead of failing the
 * user; an admin's edits rarely race, so a few attempts at once are enough.
 */
export const SETTINGS_RACE: ConflictRetry = {
  attempts: 4,
  isConflict: (error) => error instanceof PreconditionFailedError,
};
