export { type Authorizer, bearerToken, passthroughAuthorizer } from "./auth/authorizer.js";
export {
  ASYMMETRIC_ALGORITHMS,
  type BrokerAuthSettings,
  createBrokerAuthorizer,
  READ_ONLY_SCOPES,
} from "./auth/broker.js";
export { type BrokerConfig, loadBrokerConfig } from "./broker-config.js";
export { type ConfigResult, type GatewayConfig, loadConfig } from "./config.js";
export type { GatewayContext } from "./context.js";
export { type GatewayErrorCode, idpErrorToGraphQL } from "./errors.js";
export { DOCUMENT_LIMITS, hardeningPlugins } from "./hardening.js";
export { createLogger, REDACTED_PATHS } from "./logger.js";
export { schema } from "./schema/index.js";
export { scopeEnumName } from "./schema/scope.js";
export { listen, MAX_BODY_BYTES, type RunningServer } from "./server.js";
export { createGateway, type Gateway, type GatewayOptions } from "./yoga.js";
