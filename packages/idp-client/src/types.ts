import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** One of the scopes a customer token can carry (`customers:read`, …). */
export type CustomerTokenScope = Schemas["CustomerTokenScope"];

/** The body of `POST /api/customer_tokens`. */
export type CreateCustomerTokenRequest = Schemas["PostCustomerToken"];

/**
 * A minted customer token. The spec marks `access_token` optional; a 201
 * without one is treated as a contract breach, so a success always has it.
 */
export type CustomerToken = Required<Schemas["CustomerToken"]>;

/** The upstream's error body (`status`, `error_message`, `message_code`). */
export type ErrorResponse = Schemas["ErrorResponse"];

/** A server alias from the spec (`"sandbox"`, `"production"`). */
export type ServerAlias = keyof typeof import("./generated/contract.js").SERVER_URLS;
