/** Query parameters that belong to the dev host itself; hosted pages do not see them. */
export const HOST_QUERY_KEYS = new Set(["org", "user", "host", "theme"]);
