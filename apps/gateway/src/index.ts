export { type App, type AppOptions, buildApp, type RunningApp } from "./app.js";
export { READ_ONLY_SCOPES } from "./config/broker-settings.js";
export { LIMITS } from "./config/limits.js";
export { type ConfigResult, type GatewayConfig, loadConfig } from "./config/load-config.js";
export { SETTINGS } from "./config/settings.js";
export { GATEWAY_ERROR_CODES, type GatewayErrorCode } from "./core/error-codes.js";
export { schema } from "./graphql/schema/index.js";
export { scopeEnumName } from "./graphql/schema/scope.js";
// The upstream budget and the shared store it decides in, for load tools
// that check its decisions against what Redis recorded (tooling/bench).
export { connectSharedStore, type SharedStore } from "./ops/shared-store.js";
export { budgetKey, createUpstreamBudget } from "./ops/upstream-budget.js";
