// HTTP contracts the front end consumes: types only, owned by the backend's contracts.
export type { MeResponse } from "../../functions/contracts/me";
