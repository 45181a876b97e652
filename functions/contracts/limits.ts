/**
 * Limits the pages share with the backend, in a module of plain values: a page may import
 * it without bundling the request schemas (zod) of the other contracts.
 */

/** Users per role-assignment request the Permissions page sends (progress is shown per batch). */
export const ASSIGN_BATCH_SIZE = 500;

/** The licensed list's "No time tracked in" choices, in days. */
export { INACTIVE_DAY_CHOICES } from "../domain/member-activity";
