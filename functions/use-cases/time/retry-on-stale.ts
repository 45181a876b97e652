import { PreconditionFailedError } from "../../domain/errors";

/**
 * Read-modify-write of a small shared document (org settings, activity types): when another
 * write slipped in between, read again and re-apply the change instead of failing the user.
 */
export async function retryOnStale<T>(attempt: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || i >= attempts) throw error;
    }
  }
}
