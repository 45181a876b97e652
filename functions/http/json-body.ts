import type { HttpRequest } from "@azure/functions";
import type { z } from "zod";
import { ValidationError } from "../domain/errors";

/** Largest JSON body we accept (1,000 bulk entries fit easily). */
export const MAX_BODY_BYTES = 1_000_000;

/** Reads and validates a JSON body; anything malformed is a 400 with a message a person can act on. */
export async function readJson<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.infer<S>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new ValidationError(`The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  if (text.trim() === "") throw new ValidationError("The request body is empty; send a JSON object.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  return parseWith(schema, data, "request body");
}

export function parseWith<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    throw new ValidationError(`The ${what} is not valid: ${summary}`, { issues });
  }
  return result.data;
}

/** Query parameters as a plain object, for validation with a zod schema. */
export function queryObject(request: HttpRequest): Record<string, string> {
  return Object.fromEntries(request.query.entries());
}
