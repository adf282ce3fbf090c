/**
 * The `x-tokengate-*` extensions the spec may carry: the facts GraphQL and the
 * client need that OpenAPI has no keyword for. `spec/openapi.yaml` documents
 * each in its `info.description`; docs/changing-the-contract.md
 * shows them in use.
 */
export const X = {
  /** Server: the `baseUrl` alias the client accepts for it (`sandbox`). */
  alias: "x-tokengate-alias",
  /** Operation: `{ input, output }`, the GraphQL type names of its mutation's input and result. */
  graphql: "x-tokengate-graphql",
  /** Request or response property: its GraphQL field name (default: camelCase of the wire name). An enum is named by its component, else by this name in PascalCase. */
  graphqlName: "x-tokengate-graphql-name",
  /** Request property: `false` keeps it out of the GraphQL input (the client still accepts it). */
  graphqlExposed: "x-tokengate-graphql-exposed",
  /** Documented error response: the client's `IdpError` kind for it. */
  errorKind: "x-tokengate-error-kind",
  /** Documented error response, or one of its examples: the gateway's `extensions.code` (an example's code is for its `message_code`). */
  graphqlCode: "x-tokengate-graphql-code",
  /** Documented error response: `true` when only a well-formed body says what went wrong, so one without is a contract violation. */
  bodyRequired: "x-tokengate-body-required",
  /** Response schema: properties the client requires although the upstream marks them optional (present, and not empty). */
  required: "x-tokengate-required",
  /** Response property: `true` when its value is a credential (a minted token): kept out of every log, error, metric and span. */
  secret: "x-tokengate-secret",
  /** String schema: a named check the client runs beyond JSON Schema (`public-ipv4`). */
  check: "x-tokengate-check",
  /** Operation: `{ requests, window_seconds }`, the upstream's published per-IP limit (the default of the gateway's budget for it). */
  rateLimit: "x-tokengate-rate-limit",
  /** Response: `true` when tokengate models it from the upstream's published docs; the upstream's OpenAPI does not list it. */
  modelled: "x-tokengate-modelled",
} as const;
