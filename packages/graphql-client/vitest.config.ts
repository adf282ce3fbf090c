import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["@tokengate/testkit/vitest-setup"],
    testTimeout: 20_000,
  },
});
