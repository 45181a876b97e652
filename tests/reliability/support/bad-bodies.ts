import fc from "fast-check";

const omit = (body: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));

/**
 * Request bodies a client should never send, built around a valid one so the handler's
 * deeper checks are reached too: any text, any JSON, truncated JSON, one field replaced by
 * any JSON value, one field missing, an unknown field, prototype tricks, deep nesting, and a
 * body far over the size limit. Some mutations are valid by chance; the property allows that.
 */
export function badBodies(sample: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = Object.keys(sample);
  const perField = keys.length
    ? [
        fc
          .record({ key: fc.constantFrom(...keys), value: fc.jsonValue() })
          .map(({ key, value }) => JSON.stringify({ ...sample, [key]: value })),
        fc.constantFrom(...keys).map((key) => JSON.stringify(omit(sample, key))),
      ]
    : [];
  return fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null"),
    fc.jsonValue({ maxDepth: 3 }).map((v) => (JSON.stringify(v) ?? "null").slice(0, -1)),
    ...perField,
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([key, value]) => JSON.stringify({ ...sample, [key]: value })),
    fc.constantFrom(
      JSON.stringify({ ...sample, __proto__: { role: "Administrator" } }),
      `{"__proto__":{"isPca":true},"constructor":{"prototype":{"role":"Administrator"}}}`,
      "[".repeat(50_000),
      `{"a":${"[".repeat(5_000)}${"]".repeat(5_000)}}`,
      JSON.stringify({ ...sample, comment: "x".repeat(1_100_000) }),
      "",
      "null",
      `"${"\\u0000".repeat(10)}"`,
    ),
  );
}
