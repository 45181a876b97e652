import type { z } from "zod";
import { AdoError, StateError } from "../errors";

/**
 * Validates a JSON body; a bad body is a 400 naming the first problem, in Azure DevOps'
 * error shape on REST routes ("ado") or the project's shape on the dev routes ("dev").
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, shape: "ado" | "dev" = "ado"): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  const message = `The request body is not valid. ${where}${issue?.message ?? "invalid"}`;
  throw shape === "ado" ? new AdoError(400, message, "ArgumentException") : new StateError("Validation", message);
}
