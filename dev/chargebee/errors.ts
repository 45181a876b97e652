/**
 * Chargebee's error envelope, as its published OpenAPI specification declares it per HTTP
 * status (`components.schemas` "400" … "503": `message`, `type`, `api_error_code` required,
 * `param` for parameter errors), plus the older fields Chargebee still sends beside them
 * (`error_code`, which Chargebee's own Python client reads from every error, `error_msg`,
 * `http_status_code`). `type` groups errors by how a client handles them; errors of no group
 * are typed `untyped` (every 401).
 * The real client throws this JSON body (plus `http_status_code` and `headers`) as a plain
 * object, so consumers match on `api_error_code`.
 */
export type ChargebeeErrorType = "invalid_request" | "payment" | "operation_failed" | "untyped";

export interface ChargebeeErrorBody {
  message: string;
  type: ChargebeeErrorType;
  api_error_code: string;
  param?: string;
  error_code: string;
  error_msg: string;
  http_status_code: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ChargebeeErrorBody;

  constructor(status: number, body: Omit<ChargebeeErrorBody, "http_status_code" | "error_msg">) {
    super(body.message);
    this.status = status;
    this.body = { ...body, error_msg: body.message, http_status_code: status };
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

/** Chargebee's 422, documented for "a client attempts to reuse an idempotency key with a different request payload". */
export const unableToProcess = (message: string): ApiError =>
  new ApiError(422, {
    message,
    type: "invalid_request",
    api_error_code: "unable_to_process_request",
    error_code: "unable_to_process_request",
  });

export const authenticationFailed = (message: string): ApiError =>
  new ApiError(401, {
    message,
    type: "untyped",
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

/**
 * What an injected fault (`failNext({ status })`) answers by default: per status Chargebee
 * documents, one of its documented codes and types. Other statuses are not Chargebee's.
 */
const FAULTS: Readonly<Record<number, { type: ChargebeeErrorType; code: string; message: string }>> = {
  400: {
    type: "invalid_request",
    code: "invalid_request",
    message: "Injected failure from the local Chargebee stand-in.",
  },
  401: {
    type: "untyped",
    code: "api_authentication_failed",
    message: "Sorry, authentication failed. Invalid api key.",
  },
  403: {
    type: "operation_failed",
    code: "request_blocked",
    message: "Injected failure: this operation is blocked for the site.",
  },
  404: {
    type: "invalid_request",
    code: "resource_not_found",
    message: "Injected failure: the resource was not found.",
  },
  405: {
    type: "invalid_request",
    code: "http_method_not_supported",
    message: "Injected failure: the HTTP method is not supported for this URL.",
  },
  409: {
    type: "invalid_request",
    code: "invalid_state_for_request",
    message: "Injected failure: the request is not allowed in the resource's current state.",
  },
  422: {
    type: "invalid_request",
    code: "unable_to_process_request",
    message: "Injected failure: the request could not be processed.",
  },
  429: {
    type: "operation_failed",
    code: "api_request_limit_exceeded",
    message: "Sorry, access has been blocked temporarily due to request count exceeding acceptable limits.",
  },
  500: {
    type: "operation_failed",
    code: "internal_error",
    message: "Sorry, something went wrong when trying to process the request.",
  },
  503: {
    type: "operation_failed",
    code: "site_not_ready",
    message: "Sorry, the site is temporarily unavailable due to a scheduled maintenance.",
  },
};

export const FAULT_STATUSES: readonly number[] = Object.keys(FAULTS).map(Number);

export function faultBody(status: number): ChargebeeErrorBody {
  const fault = FAULTS[status];
  if (!fault)
    throw new Error(`Chargebee documents no API error with status ${status}; use one of ${FAULT_STATUSES.join(", ")}`);
  return {
    message: fault.message,
    type: fault.type,
    api_error_code: fault.code,
    error_code: fault.code,
    error_msg: fault.message,
    http_status_code: status,
  };
}
