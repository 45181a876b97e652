// ESLint with typescript-eslint's type-checked rules, for every TypeScript file of the repo.
// Run from the repository root: `npm run lint` (and so `npm test`).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { fileURLToPath } from "node:url";
import tseslint from "typescript-eslint";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default tseslint.config(
  { basePath: root },
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      ".data/**",
      "bench/**",
      "dev/functions-core/**",
      "**/*.cjs",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      // A port implemented in memory (tests, stand-ins) is async by contract without awaiting.
      "@typescript-eslint/require-await": "off",
      // `const { _etag, ...rest } = doc` drops fields on purpose; `_x` marks a deliberately unused one.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
    files: ["**/*.test.ts", "**/*.test.tsx", "tests/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    // The conformance suite walks Microsoft's Swagger JSON, whose shape is the data under test.
    files: ["tests/conformance/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["src/**/*.tsx", "src/**/*.ts", "dev/host/client/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
);
