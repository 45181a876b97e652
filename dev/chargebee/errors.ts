/**
 * Chargebee's error envelope. The real client throws this JSON body (plus
 * `http_status_code` and `headers`) as a plain object, so consumers match on
 * `api_error_code`; the deprecated `error_code`/`error_msg`/`error_param`
 * fields are still sent by Chargebee and kept here for older clients.
 */
export interface ChargebeeErrorBody {
  message: string;
  type?: "invalid_request" | "payment" | "operation_failed";
  api_error_code: string;
  param?: string;
  error_code: string;
  error_msg: string;
  error_param?: string;
  http_status_code: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ChargebeeErrorBody;

  constructor(status: number, body: Omit<ChargebeeErrorBody, "http_status_code" | "error_msg" | "error_param">) {
    super(body.message);
    this.status = status;
    this.body = {
      ...body,
      error_msg: body.message,
      ...(body.param ? { error_param: body.param } : {}),
      http_status_code: status,
    };
  }
}

/** Chargebee prefixes parameter errors with the parameter name: "customer[email] : cannot be blank". */
const paramMessage = (param: string, text: string): string => `${param} : ${text}`;

export const paramRequired = (param: string): ApiError =>
  new ApiError(400, {
    message: paramMessage(param, "cannot be blank"),
    type: "invalid_request",
    api_error_code: "param_wrong_value",
    param,
    error_code: "param_not_present",
  });

export const paramWrongValue = (param: string, text: string): ApiError =>
  new ApiError(400, {
    message: paramMessage(param, text),
    type: "invalid_request",
    api_error_code: "param_wrong_value",
    param,
    error_code: "param_invalid_value",
  });

export const duplicateEntry = (param: string, value: string): ApiError =>
  new ApiError(400, {
    message: paramMessage(param, `The value ${value} is already present.`),
    type: "invalid_request",
    api_error_code: "duplicate_entry",
    param,
    error_code: "param_not_unique",
  });

export const resourceNotFound = (what: string, id: string, param?: string): ApiError =>
  new ApiError(404, {
    message: `${what} not found for ${id}`,
    type: "invalid_request",
    api_error_code: "resource_not_found",
    ...(param ? { param } : {}),
    error_code: "referenced_resource_not_found",
  });

export const invalidState = (message: string): ApiError =>
  new ApiError(409, {
    message,
    type: "invalid_request",
    api_error_code: "invalid_state_for_request",
    error_code: "invalid_state_for_request",
  });

export const authenticationFailed = (message: string): ApiError =>
  new ApiError(401, {
    message,
    api_error_code: "api_authentication_failed",
    error_code: "api_authentication_invalid_key",
  });

export const urlNotFound = (path: string): ApiError =>
  new ApiError(404, {
    message: `Sorry, the requested URL ${path} is not valid.`,
    type: "invalid_request",
    api_error_code: "resource_not_found",
    error_code: "url_not_found",
  });

export const methodNotSupported = (method: string): ApiError =>
  new ApiError(405, {
    message: `Sorry, the HTTP method ${method} is not supported for this URL.`,
    type: "invalid_request",
    api_error_code: "http_method_not_supported",
    error_code: "http_method_not_supported",
  });

/** Used when a request is valid for Chargebee but the stand-in deliberately does not model it. */
export const notModelled = (param: string, what: string): ApiError =>
  paramWrongValue(param, `${what} is not supported by the local Chargebee stand-in`);

/** Default bodies for injected faults (`failNext({ status })`), shaped like Chargebee's own. */
export function faultBody(status: number): ChargebeeErrorBody {
  const code =
    status === 429 ? "api_request_limit_exceeded"
    : status === 503 ? "site_not_ready"
    : status >= 500 ? "internal_error"
    : status === 401 ? "api_authentication_failed"
    : status === 404 ? "resource_not_found"
    : "invalid_request";
  const message =
    status >= 500 ? "Sorry, something went wrong when trying to process the request."
    : status === 429 ? "Sorry, access has been blocked temporarily due to request count exceeding acceptable limits."
    : "Injected failure from the local Chargebee stand-in.";
  return { message, api_error_code: code, error_code: code, error_msg: message, http_status_code: status };
}
