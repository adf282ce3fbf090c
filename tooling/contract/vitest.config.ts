import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships index.mjs (vite's pick) beside index.js (what
    // graphql-inspector loads); two copies break `instanceof`. Use Node's.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: { include: ["test/**/*.test.ts"], testTimeout: 20_000 },
});
