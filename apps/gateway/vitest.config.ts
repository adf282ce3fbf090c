import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships index.mjs (vite's pick) beside index.js (Node's pick for
    // the libraries it loads); two copies break `instanceof`. Use Node's.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["@tokengate/testkit/vitest-setup"],
    testTimeout: 20_000,
  },
});
