import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const KEY = Buffer.alloc(32, 9).toString("base64");
const OTHER_KEY = Buffer.alloc(32, 8).toString("base64");

describe("secrets at rest", () => {
  it("seals with a fresh IV each time and opens again for the same org", () => {
    const a = sealSecret(KEY, "org-a", "pat-value");
    const b = sealSecret(KEY, "org-a", "pat-value");
    expect(a).not.toBe(b);
    expect(a).not.toContain("pat-value");
    expect(openSecret(KEY, "org-a", a)).toBe("pat-value");
  });

  it("does not open for another org, another key, or after tampering", () => {
    const sealed = sealSecret(KEY, "org-a", "pat-value");
    expect(() => openSecret(KEY, "org-b", sealed)).toThrow();
    expect(() => openSecret(OTHER_KEY, "org-a", sealed)).toThrow();
    const bytes = Buffer.from(sealed, "base64");
    bytes[bytes.length - 1] ^= 1;
    expect(() => openSecret(KEY, "org-a", bytes.toString("base64"))).toThrow();
    expect(() => openSecret(KEY, "org-a", "c2hvcnQ=")).toThrow();
  });

  it("insists on a 32-byte key", () => {
    expect(() => sealSecret(Buffer.alloc(16).toString("base64"), "org", "x")).toThrow(/32 bytes/);
  });
});
