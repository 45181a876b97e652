/**
 * The layers, written down and checked in `npm test` (docs/architecture.md, "Layers"):
 *
 *   handlers -> use-cases -> domain <- ports <- adapters
 *   functions/app builds the adapters and hands use-cases their ports.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "The domain holds business rules only: it imports nothing but the domain.",
      severity: "error",
      from: { path: "^functions/domain/" },
      to: { pathNot: ["^functions/domain/"], dependencyTypesNot: ["core"] },
    },
    {
      name: "domain-no-node",
      comment: "Business rules do no I/O: no Node built-ins in the domain.",
      severity: "error",
      from: { path: "^functions/domain/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "ports-see-only-domain",
      comment: "A port speaks the domain's language: it imports only the domain and other ports.",
      severity: "error",
      from: { path: "^functions/ports/" },
      to: { pathNot: ["^functions/(domain|ports)/"] },
    },
    {
      name: "use-cases-get-ports",
      comment: "Use-cases are handed their ports; they never reach for adapters, the composition root or HTTP.",
      severity: "error",
      from: { path: "^functions/use-cases/" },
      to: { path: ["^functions/(adapters|app|http|handlers)/", "^node_modules/@azure/(functions|cosmos)/"] },
    },
    {
      name: "adapters-serve-ports",
      comment: "Adapters implement ports; they do not call use-cases or handlers.",
      severity: "error",
      from: { path: "^functions/adapters/" },
      to: { path: "^functions/(use-cases|handlers|http|app)/" },
    },
    {
      name: "only-app-builds-adapters",
      comment: "functions/app is the one composition root: nothing else in the backend imports an adapter.",
      severity: "error",
      from: { path: "^functions/", pathNot: ["^functions/(app|adapters)/", "\\.test\\.ts$"] },
      to: { path: "^functions/adapters/" },
    },
    {
      name: "pages-see-only-contracts",
      comment: "The pages share the backend's HTTP contracts and nothing else of it.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^functions/", pathNot: "^functions/contracts/" },
    },
    {
      name: "contracts-stay-thin",
      comment: "Contracts are types and schemas over the domain: no use-cases, adapters or handlers behind them.",
      severity: "error",
      from: { path: "^functions/contracts/" },
      to: { path: "^functions/(use-cases|adapters|handlers|http|app|auth)/" },
    },
    {
      name: "product-never-imports-dev",
      comment: "dev/ is the local stack; only dev/ and tests/ may import it.",
      severity: "error",
      from: { pathNot: ["^dev/", "^tests/"] },
      to: { path: "^dev/" },
    },
    {
      name: "no-circular",
      comment: "A cycle makes two modules one; split or invert it.",
      severity: "error",
      from: { path: "^(functions|src)/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|\\.data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
  },
};
