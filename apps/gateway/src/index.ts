export { type App, type AppOptions, buildApp, type RunningApp } from "./app.js";
export { READ_ONLY_SCOPES } from "./auth/broker-settings.js";
export { LIMITS } from "./config/limits.js";
export { SETTINGS } from "./config/settings.js";
export { type ConfigResult, type GatewayConfig, loadConfig } from "./config.js";
export { GATEWAY_ERROR_CODES, type GatewayErrorCode } from "./error-codes.js";
export { schema } from "./schema/index.js";
export { scopeEnumName } from "./schema/scope.js";
