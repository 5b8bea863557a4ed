import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

/**
 * Two projects: `unit` (pure, no I/O, beside the code as *.test.ts) and
 * `integration` (*.integration.test.ts, against a real Postgres that the
 * global setup provides: a fresh database per run).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,components,prisma,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,app,prisma,scripts,server}/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["./scripts/test/integration-global-setup.ts"],
          setupFiles: ["./scripts/test/integration-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
