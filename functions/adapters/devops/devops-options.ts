/**
 * What the Azure DevOps adapters need to know: where the three hosts of an organization
 * are (`{org}` in each template), how long one request may take, and how long throttling
 * (429 + Retry-After) may hold one call before it fails with a clear 503.
 */
export interface DevopsOptions {
  /** dev.azure.com/{org}: connectionData, permissions, work items. */
  coreUrl: string;
  /** vssps.dev.azure.com/{org}: Graph, Identities. */
  vsspsUrl: string;
  /** vsaex.dev.azure.com/{org}: Member Entitlement Management. */
  vsaexUrl: string;
  requestTimeoutMs: number;
  /** Total time one call may spend waiting for Azure DevOps' Retry-After (default 30 s). */
  throttleBudgetMs?: number;
}

export const DEFAULT_THROTTLE_BUDGET_MS = 30_000;
