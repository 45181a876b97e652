import * as SDK from "azure-devops-extension-sdk";
import { createApiClient, type ApiClient } from "./api-client";
import { API_BASE_URL } from "./config";
import { getHostInfo } from "./sdk-context";
import { createTokenCache } from "./token-cache";

let client: ApiClient | undefined;

/** The page's backend client, wired to the SDK's tokens and host. Use after initSdk(). */
export function getBackend(): ApiClient {
  client ??= createApiClient({
    baseUrl: API_BASE_URL,
    tokens: createTokenCache({
      fetchAppToken: () => SDK.getAppToken(),
      fetchAccessToken: () => SDK.getAccessToken(),
    }),
    identity: () => {
      const host = getHostInfo();
      return { org: host.name, hostType: host.kind };
    },
  });
  return client;
}
