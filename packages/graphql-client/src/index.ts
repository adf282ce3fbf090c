export type { Result } from "./answer.js";
export {
  type CallOptions,
  createGatewayClient,
  type GatewayClient,
  type GatewayClientOptions,
  type TokenProvider,
} from "./client.js";
export {
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
  GATEWAY_ERROR_CODES,
  type GatewayClientError,
  type GatewayErrorCode,
  isGatewayErrorCode,
  type UpstreamAnswer,
} from "./errors.js";
// Each operation's document and types, generated: a new operation needs no edit here.
export * from "./generated/index.js";
export type { CustomerTokenScope, GatewayGraphQL, GatewayGraphQLSetup } from "./graphql.js";
