export type { Middleware } from "openapi-fetch";
export { BankTokenError } from "./bank-token-error.js";
export { resolveBaseUrl } from "./base-url.js";
export {
  type CallOptions,
  createIdpClient,
  DEFAULT_CONNECTIONS,
  DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type IdpClient,
  type IdpClientOptions,
  type TokenProvider,
} from "./client.js";
export {
  type ClientCredentialsOptions,
  type ClientCredentialsProvider,
  clientCredentials,
  DEFAULT_BANK_TOKEN_SCOPES,
} from "./client-credentials.js";
export type { IdpError, IdpErrorKind, UnexpectedResponseReason } from "./errors.js";
export {
  CREATE_CUSTOMER_TOKEN_ERRORS,
  CUSTOMER_TOKEN_SCOPES,
  PUBLISHED_RATE_LIMITS,
  SERVER_URLS,
} from "./generated/contract.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type { CreateCustomerTokenResult } from "./result.js";
export { retryAfterSeconds } from "./retry-after.js";
export type {
  CreateCustomerTokenRequest,
  CustomerToken,
  CustomerTokenScope,
  ErrorResponse,
  ServerAlias,
} from "./types.js";
export {
  formatPath,
  type ValidationIssue,
  type ValidationResult,
  validateCreateCustomerTokenRequest,
} from "./validate.js";
