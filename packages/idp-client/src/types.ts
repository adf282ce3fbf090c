import type { CUSTOMER_TOKEN_REQUIRED_FIELDS, SERVER_URLS } from "./generated/contract.js";
import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** One of the scopes a customer token can carry (`customers:read`, …). */
export type CustomerTokenScope = Schemas["CustomerTokenScope"];

/** The body of `POST /api/customer_tokens`. */
export type CreateCustomerTokenRequest = Schemas["PostCustomerToken"];

type RequiredAnswerField = (typeof CUSTOMER_TOKEN_REQUIRED_FIELDS)[number];

/**
 * A minted customer token: the spec's `CustomerToken`, with the fields its
 * `x-tokengate-required` names always present (a 201 without one is
 * reported as a contract violation, not as a success).
 */
export type CustomerToken = Schemas["CustomerToken"] & {
  [Field in RequiredAnswerField]-?: NonNullable<Schemas["CustomerToken"][Field]>;
};

/** The upstream's error body (`status`, `error_message`, `message_code`). */
export type ErrorResponse = Schemas["ErrorResponse"];

/** A server alias from the spec (`"sandbox"`, `"production"`). */
export type ServerAlias = keyof typeof SERVER_URLS;
