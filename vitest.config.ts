import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import SlowFilesFirst from "./tests/support/slow-files-first";

// No Remix plugin here (docs/stack.md, "Vitest"): tests import route modules and lib code directly.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    sequence: { sequencer: SlowFilesFirst },
    projects: [
      {
        extends: true,
        // Two files at a time on every project: vitest's default is one worker fewer than the cores,
        // which on a 2-core CI machine is one file at a time and one core idle (docs/stack.md,
        // "Test run times").
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node", maxWorkers: 2 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/e2e-global-setup.ts"],
          // Two files at a time: each starts its own server and browser, and most of a browser test
          // is waiting on them (measured: 263 s instead of about 300-390 s one at a time on 2 cores).
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
