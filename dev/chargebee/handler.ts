import type { Env } from "./env";
import type { FormReader } from "./form-reader";

/** A decoded API call: path parameters, query string and form body. */
export interface ApiRequest {
  params: Record<string, string>;
  query: FormReader;
  body: FormReader;
}

/** Returns the JSON body of a 200 response, or throws an `ApiError`. */
export type ApiHandler = (env: Env, request: ApiRequest) => object;

export const pathParam = (request: ApiRequest, name: string): string => request.params[name] ?? "";
