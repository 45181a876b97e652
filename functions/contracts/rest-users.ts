import { z } from "zod";

/**
 * The REST API for automation, compatible with 7pace Timetracker's `/api/rest/users/roles`
 * so existing scripts keep working. Entries of a POST are validated one by one (a bad entry
 * fails alone with its reason), so the body schema only checks the envelope.
 */
export const MAX_REST_ENTRIES = 1_000;
export const MAX_REST_COUNT = 500;

const booleanText = z
  .enum(["true", "false", "True", "False", "1", "0"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "True" || v === "1");
const wholeNumber = (name: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number);

export const RestRolesQuery = z.strictObject({
  includeNoneRoles: booleanText.optional(),
  $count: wholeNumber("$count")
    .pipe(
      z.number().min(1, "$count must be at least 1").max(MAX_REST_COUNT, `$count must be at most ${MAX_REST_COUNT}`),
    )
    .optional(),
  $skip: wholeNumber("$skip").optional(),
  $expand: z.enum(["user.displayName"], { error: "$expand supports only user.displayName" }).optional(),
  "api-version": z.string().max(20).optional(),
});
export type RestRolesQuery = z.infer<typeof RestRolesQuery>;

export const RestAssignBody = z.object({
  users: z
    .array(z.unknown(), { error: "users must be a list of { email | id | vstsId, role: { name | id } }" })
    .min(1, "users must contain at least one entry")
    .max(MAX_REST_ENTRIES, `users may contain at most ${MAX_REST_ENTRIES} entries per request`),
});

/** One entry as sent; anything else in it is reported back as the failed entity. */
export const RestAssignEntry = z.object({
  email: z.string({ error: "email must be a string" }).trim().min(3).max(320).optional(),
  id: z.string({ error: "id must be a string" }).trim().min(1).max(100).optional(),
  vstsId: z.string({ error: "vstsId must be a string" }).trim().min(1).max(100).optional(),
  role: z.object(
    { name: z.unknown().optional(), id: z.unknown().optional() },
    { error: "role must be an object: { name } or { id }" },
  ),
});
export type RestAssignEntry = z.infer<typeof RestAssignEntry>;

export interface RestUserRole {
  user: { id: string; vstsId: string; email: string; uniqueName: string; displayName?: string };
  role: { id: number; name: string };
  isDefaultRole: boolean;
}

export interface RestRolesResponse {
  data: RestUserRole[];
}

export interface RestFailedEntry {
  entity: unknown;
  error: { message: string };
}

export interface RestAssignResponse {
  data: { succeeded: number; failed: number; failedEntries: RestFailedEntry[] };
}
