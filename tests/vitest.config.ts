import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

// Two projects: fast pure/unit tests, and integration + browser tests that start
// local servers (embedded Cosmos, stand-ins, the local Functions host, Chromium).
// The second runs files one at a time: the machine has two cores and every file
// brings up its own stack on loopback.
export default defineConfig({
  test: {
    root,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["functions/**/*.test.ts", "src/**/*.test.{ts,tsx}", "dev/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: [
            "tests/integration/**/*.test.ts",
            "tests/conformance/**/*.test.ts",
            "tests/e2e/**/*.test.ts",
            "tests/reliability/**/*.test.ts",
          ],
          environment: "node",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
