import type { SERVER_URLS } from "./generated/contract.js";
import type { components } from "./generated/openapi.js";
import type { CreateCustomerTokenData } from "./generated/operation-types.js";

type Schemas = components["schemas"];

/** `T` with the fields `Keys` present and not null (`x-tokengate-required`). */
export type WithRequired<T, Keys extends keyof T> = T & {
  [Field in Keys]-?: NonNullable<T[Field]>;
};

/** One of the scopes a customer token can carry (`customers:read`, …). */
export type CustomerTokenScope = Schemas["CustomerTokenScope"];

/**
 * A minted customer token: the spec's `CustomerToken`, with the fields its
 * `x-tokengate-required` names always present (a 201 without one is
 * reported as a contract violation, not as a success).
 */
export type CustomerToken = CreateCustomerTokenData;

/** The upstream's error body (`status`, `error_message`, `message_code`). */
export type ErrorResponse = Schemas["ErrorResponse"];

/** A server alias from the spec (`"sandbox"`, `"production"`). */
export type ServerAlias = keyof typeof SERVER_URLS;
