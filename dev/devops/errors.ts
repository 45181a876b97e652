// Two error families: AdoError renders as Azure DevOps' own error body on the REST
// surface; StateError comes from state mutations (dev endpoints and tests) and renders
// as the project's `{ error: { code, message } }`.

export class AdoError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly typeKey: string,
    readonly errorCode = 0,
  ) {
    super(message);
  }
}

export type StateErrorCode = "NotFound" | "Validation" | "Conflict";

export class StateError extends Error {
  constructor(
    readonly code: StateErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_OF: Record<StateErrorCode, number> = { NotFound: 404, Validation: 400, Conflict: 409 };

export const statusOfStateError = (error: StateError): number => STATUS_OF[error.code];
