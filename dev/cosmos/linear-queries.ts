import { createRequire } from "node:module";

/**
 * The emulator (@vercel/cosmosdb-server) compiles every SQL query with @zeit/cosmosdb-query,
 * whose generated JavaScript collects documents with `reduce(($, c) => [...$, { c }], [])`:
 * one array copy per document, so a query costs O(n²) in the container's size (2 s at 20,000
 * documents, minutes at 100,000). This rewrites those accumulators to push into the array,
 * which is the same result in O(n). It changes how the emulator runs, never what it answers.
 *
 * Applied once per process, before the first query is compiled (compiled code is cached per
 * query object, and query objects are created per request).
 */
interface Node {
  type: string;
  [key: string]: unknown;
}

const require = createRequire(import.meta.url);
let applied = false;

export function makeEmulatorQueriesLinear(): void {
  if (applied) return;
  applied = true;
  const queryModule = require("@zeit/cosmosdb-query") as { default: (q: string) => object };
  const transformer = (require("@zeit/cosmosdb-query/lib/transformer") as { default: (ast: unknown) => Node }).default;
  const generate = (require("@babel/generator") as { default: (ast: Node) => { code: string } }).default;
  const prototype = Object.getPrototypeOf(queryModule.default("SELECT * FROM c")) as object;
  Object.defineProperty(prototype, "code", {
    configurable: true,
    get(this: { ast: unknown; _code: string | null }) {
      if (!this._code) this._code = generate(rewrite(transformer(this.ast))).code;
      return this._code;
    },
  });
}

const isAccumulator = (node: unknown): boolean =>
  typeof node === "object" && node !== null && (node as Node).type === "Identifier" && (node as Node).name === "$";

/** `[...$, a, ...b]` becomes `($.push(a, ...b), $)`; everything else is walked unchanged. */
function rewrite(node: Node): Node {
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value)) node[key] = (value as unknown[]).map((v) => (isNode(v) ? rewrite(v) : v));
    else if (isNode(value)) node[key] = rewrite(value);
  }
  const elements = node.elements as Node[] | undefined;
  const first = elements?.[0];
  if (node.type !== "ArrayExpression" || !first || first.type !== "SpreadElement" || !isAccumulator(first.argument))
    return node;
  const accumulator: Node = { type: "Identifier", name: "$" };
  const push: Node = {
    type: "CallExpression",
    callee: {
      type: "MemberExpression",
      object: accumulator,
      property: { type: "Identifier", name: "push" },
      computed: false,
    },
    arguments: elements.slice(1),
  };
  return { type: "SequenceExpression", expressions: [push, { type: "Identifier", name: "$" }] };
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}
