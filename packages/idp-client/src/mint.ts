/** The mint's own names, kept for callers of `createCustomerToken`; each is its descriptor's. */
import type { CreateCustomerTokenData } from "./generated/operation-types.js";
import { OPERATIONS } from "./generated/operations.js";
import type { CallResult } from "./pipeline.js";
/** The result of `createCustomerToken`. */
export type CreateCustomerTokenResult = CallResult<CreateCustomerTokenData>;

/** The documented error statuses of `createCustomerToken`, with their kinds. */
export const CREATE_CUSTOMER_TOKEN_ERRORS = OPERATIONS.createCustomerToken.errors;

/**
 * Checks a mint's body against the spec's `PostCustomerToken` schema (guid
 * length, scopes non-empty, unique and known, IP/CIDR format, and the
 * `public-ipv4` check on allowlist entries). On success `value` holds only
 * the fields that were given, ready to send.
 */
export const validateCreateCustomerTokenRequest = OPERATIONS.createCustomerToken.validateRequest;
