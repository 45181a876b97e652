import type { HttpRequest } from "@azure/functions";
import { UnauthorizedError } from "../domain/errors";

const SEND_TOKEN =
  "Send a Timetracker REST API token as 'Authorization: Bearer <token>' (or Basic with an empty user name and the token as password).";

/** The REST API token from Bearer, or from Basic with an empty user name (as 7pace's scripts send it). */
export function restTokenOf(request: HttpRequest): string {
  const header = request.headers.get("authorization");
  if (!header) throw new UnauthorizedError(`Authentication required. ${SEND_TOKEN}`);
  const [scheme = "", value = ""] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === "bearer" && value) return value;
  if (scheme.toLowerCase() === "basic" && value) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) throw new UnauthorizedError(`Use an empty user name with Basic authentication. ${SEND_TOKEN}`);
    if (colon === 0 && decoded.length > 1) return decoded.slice(1);
  }
  throw new UnauthorizedError(`The Authorization header is not understood. ${SEND_TOKEN}`);
}
