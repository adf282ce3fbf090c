/**
 * The gateway's layers, lowest first, and the one direction imports take
 * between them (docs/architecture.md draws them). Checked by
 * test/import-layers.test.ts in `pnpm test`, and by `pnpm lint:imports`.
 *
 *   config/      settings table, parsers, fixed limits: imports nothing else
 *   core/        leaf vocabulary: error codes, refusals, secrets, JWT reading
 *   ops/         telemetry, logs, rate limits, upstream budget, token reuse
 *   auth/        the auth modes: who the caller is, the bank token
 *   graphql/ and operations/ (with generated/): the schema, its errors and
 *                plugins, and the operations it carries through one pipeline
 *   http/        the Node server: listen, drain, connection bounds
 *   app.ts       the one assembly; main.ts and index.ts are its entries
 *
 * Lower layers return decisions (a Refusal, a wait in seconds); only the
 * pipeline and graphql/ turn them into GraphQL errors.
 */
const below = (layer, higher) => ({
  name: `${layer}-imports-only-lower-layers`,
  comment: `${layer}/ returns decisions to the layers above it and never imports them`,
  severity: "error",
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${higher.join("|")})/|^src/[^/]+\\.ts$` },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A loop between modules hides which one is the lower layer",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    below("config", ["core", "ops", "auth", "graphql", "operations", "generated", "http"]),
    below("core", ["ops", "auth", "graphql", "operations", "generated", "http"]),
    below("ops", ["auth", "graphql", "operations", "generated", "http"]),
    below("auth", ["graphql", "operations", "generated", "http"]),
    below("graphql", ["http"]),
    below("operations", ["http"]),
    below("generated", ["http"]),
    {
      name: "http-serves-yoga-not-operations",
      comment: "The server hands requests to yoga; it never reaches an operation directly",
      severity: "error",
      from: { path: "^src/http/" },
      to: { path: "^src/(operations|generated)/|^src/[^/]+\\.ts$" },
    },
    {
      name: "only-the-entries-import-the-assembly",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(main|index)\\.ts$" },
      to: { path: "^src/app\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules|\\.test\\.ts$" },
    // Type-only imports count: a type from a higher layer is a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
