export type { Middleware } from "openapi-fetch";
export { BankTokenError } from "./bank-token-error.js";
export { resolveBaseUrl } from "./base-url.js";
export {
  createIdpClient,
  DEFAULT_CONNECTIONS,
  DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type IdpClient,
  type IdpClientOptions,
} from "./client.js";
export {
  type ClientCredentialsOptions,
  type ClientCredentialsProvider,
  clientCredentials,
  DEFAULT_BANK_TOKEN_SCOPES,
} from "./client-credentials.js";
export type { IdpError, IdpErrorKind, UnexpectedResponseReason } from "./errors.js";
export {
  CUSTOMER_TOKEN_SCOPES,
  PUBLISHED_RATE_LIMITS,
  SERVER_URLS,
} from "./generated/contract.js";
export type { OperationMethods } from "./generated/methods.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type * from "./generated/operation-types.js";
export { OPERATIONS } from "./generated/operations.js";
export {
  CREATE_CUSTOMER_TOKEN_ERRORS,
  type CreateCustomerTokenResult,
  validateCreateCustomerTokenRequest,
} from "./mint.js";
export type {
  AnswerValidator,
  DocumentedError,
  DocumentedKind,
  OperationDescriptor,
} from "./operation.js";
export type { CallOptions, CallResult, TokenProvider } from "./pipeline.js";
export { retryAfterSeconds } from "./retry-after.js";
export type { CustomerToken, CustomerTokenScope, ErrorResponse, ServerAlias } from "./types.js";
export { formatPath, type ValidationIssue, type ValidationResult } from "./validate.js";
