import type { CreateCustomerTokenRequest } from "../../src/index.js";

/** A request the contract accepts. */
export const VALID_REQUEST = {
  customer_guid: "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4",
  scopes: ["customers:read", "accounts:read"],
} satisfies CreateCustomerTokenRequest;

/** The token in the spec's 201 example, which Prism serves. */
export const SPEC_EXAMPLE_TOKEN_PREFIX = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIs";

export const BANK_TOKEN = "bank-token-for-tests";
