import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "cli/**/*.test.ts"],
    // The whole demo history runs alone (npm run test:history), its run time being one of its checks.
    exclude: ["test/history/**", "**/node_modules/**"],
    environment: "node",
    globalSetup: ["test/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    env: { NODE_ENV: "test" },
  },
});
