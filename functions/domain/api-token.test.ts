import { describe, expect, it } from "vitest";
import { compactOrgId, composeToken, expandOrgId, orgOfToken, tokenHint } from "./api-token";

const ORG = "7f075dd3-f821-517e-b68e-ad4ee91705c2";

describe("REST API token text", () => {
  it("names its org in 22 characters and round-trips", () => {
    expect(compactOrgId(ORG)).toHaveLength(22);
    expect(expandOrgId(compactOrgId(ORG))).toBe(ORG);
  });

  it("is tt_<org>_<secret> and gives its org back", () => {
    const token = composeToken(ORG, Buffer.alloc(32, 1));
    expect(token).toMatch(/^tt_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{43}$/);
    expect(orgOfToken(token)).toBe(ORG);
    expect(tokenHint(token)).toBe(`tt_…${token.slice(-4)}`);
  });

  it("rejects anything else", () => {
    const token = composeToken(ORG, Buffer.alloc(32, 1));
    expect(orgOfToken(token.slice(0, -1))).toBeNull();
    expect(orgOfToken(`xx${token.slice(2)}`)).toBeNull();
    expect(orgOfToken("Bearer abc")).toBeNull();
    expect(() => composeToken("not-a-guid", Buffer.alloc(32))).toThrow();
    expect(() => composeToken(ORG, Buffer.alloc(16))).toThrow();
  });
});
