export { type App, type AppOptions, buildApp, type RunningApp } from "./app.js";
export { READ_ONLY_SCOPES } from "./auth/broker-settings.js";
export { type ConfigResult, type GatewayConfig, loadConfig } from "./config.js";
export { GATEWAY_ERROR_CODES, type GatewayErrorCode } from "./error-codes.js";
export { MAX_BODY_BYTES } from "./plugins/use-body-policy.js";
export { schema } from "./schema/index.js";
export { scopeEnumName } from "./schema/scope.js";
