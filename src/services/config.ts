// The backend base URL is injected by the build (esbuild `define`, from env TT_API_BASE_URL).
// The fallback keeps unit tests and type checks working where no bundler replaced the name.
declare const __TT_API_BASE_URL__: string | undefined;

export const DEFAULT_API_BASE_URL = "http://localhost:7071";

export const API_BASE_URL: string =
  typeof __TT_API_BASE_URL__ === "string" ? __TT_API_BASE_URL__ : DEFAULT_API_BASE_URL;
