/**
 * Chargebee's API errors, per HTTP status: the `type` values and `api_error_code` values its
 * OpenAPI specification declares (github.com/chargebee/openapi, spec/chargebee_api_v1_spec.json,
 * `components.schemas` "400" … "503", commit c5273cae89b2ead4cedd3fa5daf37e45ebeedc45 of
 * 2026-06-17; the v2 specification is too large for our copy, and the same codes per status
 * are in Chargebee's generated v2 Java client, `com.chargebee.v4.exceptions.codes`).
 * No other status is declared: payment failures are 400 with `type: "payment"`.
 */
export interface DocumentedStatus {
  types: readonly string[];
  codes: readonly string[];
}

export const DOCUMENTED_ERRORS: Readonly<Record<number, DocumentedStatus>> = {
  400: {
    types: ["invalid_request", "payment", "untyped"],
    codes: [
      "payment_intent_invalid_amount",
      "configuration_incompatible",
      "payment_intent_invalid",
      "invalid_request",
      "payment_method_verification_failed",
      "payment_processing_failed",
      "resource_limit_exhausted",
      "duplicate_entry",
      "param_wrong_value",
      "payment_method_not_present",
      "resource_limit_exceeded",
      "payment_gateway_currency_incompatible",
    ],
  },
  401: { types: ["untyped"], codes: ["api_authentication_failed", "basic_authentication_failed"] },
  403: { types: ["untyped", "operation_failed"], codes: ["request_blocked", "api_authorization_failed"] },
  404: { types: ["invalid_request", "untyped"], codes: ["resource_not_found", "site_not_found"] },
  405: { types: ["invalid_request"], codes: ["http_method_not_supported"] },
  409: { types: ["invalid_request"], codes: ["invalid_state_for_request"] },
  // "for example ... when a client attempts to reuse an idempotency key with a different request payload"
  422: { types: ["invalid_request"], codes: ["unable_to_process_request"] },
  429: {
    types: ["operation_failed"],
    codes: ["third_party_api_request_limit_exceeded", "api_request_limit_exceeded", "lock_timeout"],
  },
  500: { types: ["operation_failed"], codes: ["internal_error"] },
  503: {
    types: ["invalid_request", "operation_failed"],
    codes: ["db_connection_failure", "site_read_only_mode", "site_not_ready", "internal_temporary_error"],
  },
};

/**
 * Fields of an error body: the specification's (`message`, `type`, `api_error_code` required,
 * `param` for a parameter error), `error_cause_id` (payment errors, Chargebee's error-handling
 * page), and the older fields Chargebee still sends: `error_code` (Chargebee's Python client
 * reads it from every error body), `error_msg`, `http_status_code`.
 */
export const REQUIRED_FIELDS = [
  "message",
  "type",
  "api_error_code",
  "error_code",
  "error_msg",
  "http_status_code",
] as const;
export const OPTIONAL_FIELDS = ["param", "error_cause_id"] as const;

/** What is wrong with an error answer, by the contract above (empty when nothing). */
export function errorProblems(status: number, body: Record<string, unknown>): string[] {
  const documented = DOCUMENTED_ERRORS[status];
  if (!documented) return [`status ${status} is not one Chargebee documents`];
  const problems: string[] = [];
  for (const field of REQUIRED_FIELDS) if (!(field in body)) problems.push(`${field} is missing`);
  const known: readonly string[] = [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS];
  for (const field of Object.keys(body))
    if (!known.includes(field)) problems.push(`${field} is not a field of Chargebee's errors`);
  if (!documented.types.includes(String(body.type)))
    problems.push(`type ${String(body.type)} is not documented for ${status}`);
  if (!documented.codes.includes(String(body.api_error_code)))
    problems.push(`api_error_code ${String(body.api_error_code)} is not documented for ${status}`);
  if (body.http_status_code !== status)
    problems.push(`http_status_code ${String(body.http_status_code)} differs from the status ${status}`);
  if (typeof body.message !== "string" || body.message === "") problems.push("message is empty");
  if (body.api_error_code === "param_wrong_value" && typeof body.param !== "string")
    problems.push("a parameter error names no param");
  return problems;
}
