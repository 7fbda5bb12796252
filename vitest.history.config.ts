import { defineConfig } from "vitest/config";

/** The whole demo history from empty, alone on the machine (its run time is one of its checks). */
export default defineConfig({
  test: {
    include: ["test/history/**/*.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
    env: { NODE_ENV: "test" },
  },
});
