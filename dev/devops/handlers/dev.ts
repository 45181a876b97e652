import { z } from "zod";
import { ok, type Reply, type RequestContext } from "../http";
import type { Route } from "../router";
import { DEFAULT_TOKEN_TTL_SECONDS, issueAccessToken, issueAppToken } from "../tokens";
import { orgSnapshot } from "./dev-snapshot";
import { parseBody } from "./parse-body";

// The stand-in's own endpoints for the dev host and tests (no auth; never in production).

const tokenRequest = z.object({
  org: z.string().min(1),
  user: z.string().min(1),
  /** Lifetime in seconds; negative issues already-expired tokens (expiry tests). */
  ttlSeconds: z.number().int().min(-86_400).max(86_400).optional(),
});

const patRequest = z.object({ org: z.string().min(1), user: z.string().min(1) });

async function createTokens(ctx: RequestContext): Promise<Reply> {
  const input = parseBody(tokenRequest, await ctx.readJson(), "dev");
  const org = ctx.state.org(input.org);
  const user = org.user(input.user);
  const timing = {
    nowSeconds: Math.floor(Date.now() / 1000),
    ttlSeconds: input.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
  };
  const appToken = await issueAppToken({
    secret: ctx.config.extensionSecret,
    extensionId: ctx.config.extensionId,
    userId: user.id,
    tenantId: org.tenantId,
    ...timing,
  });
  const accessToken = await issueAccessToken({ userId: user.id, orgId: org.id, ...timing });
  return ok({
    appToken,
    accessToken,
    expiresAt: new Date((timing.nowSeconds + timing.ttlSeconds) * 1000).toISOString(),
    user: { id: user.id, displayName: user.displayName, email: user.email },
    org: { id: org.id, name: org.name },
  });
}

async function createPat(ctx: RequestContext): Promise<Reply> {
  const input = parseBody(patRequest, await ctx.readJson(), "dev");
  return ok({ token: ctx.state.createPat(input.org, input.user) });
}

const deploymentRequest = z.object({ deployment: z.enum(["services", "server"]) });

/** The dev host's Cloud/Server switch: the org plays Azure DevOps Services or Server. */
async function setDeployment(ctx: RequestContext): Promise<Reply> {
  const { deployment } = parseBody(deploymentRequest, await ctx.readJson(), "dev");
  const org = ctx.state.org(ctx.params.org);
  org.deployment = deployment;
  return ok({ org: org.name, deployment });
}

export const devRoutes: Route[] = [
  { method: "PUT", pattern: "/_dev/orgs/{org}/deployment", kind: "dev", handle: setDeployment },
  { method: "POST", pattern: "/_dev/tokens", kind: "dev", handle: createTokens },
  { method: "POST", pattern: "/_dev/pats", kind: "dev", handle: createPat },
  {
    method: "GET",
    pattern: "/_dev/orgs",
    kind: "dev",
    handle: ({ state }) => ok({ value: state.orgNames().map((name) => ({ id: state.org(name).id, name })) }),
  },
  {
    method: "GET",
    pattern: "/_dev/orgs/{org}",
    kind: "dev",
    handle: ({ state, params, baseUrl }) => ok(orgSnapshot(state.org(params.org), baseUrl)),
  },
];
