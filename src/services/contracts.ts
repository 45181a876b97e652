// HTTP contracts the front end consumes: types only, owned by the backend's contracts.
export type { MeResponse } from "../../functions/contracts/me";
export type { AssignedRole, Role } from "../../functions/contracts/roles";

/** Body of every error answer. */
export interface ErrorResponse {
  error: { code: string; message: string };
}
