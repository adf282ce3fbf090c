/**
 * This file was auto-generated from spec/openapi.yaml by
 * apps/gateway/scripts/generate-graphql.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import type { CreateCustomerTokenRequest, CustomerToken } from "@tokengate/idp-client";
import { builder } from "../builder.js";
import { CustomerTokenScopeEnum } from "./enums.js";

export const CreateCustomerTokenInput = builder.inputType("CreateCustomerTokenInput", {
  description: "Request to mint a customer access token. The upstream's `PostCustomerToken`, in GraphQL names.",
  fields: (t) => ({
    customerGuid: t.field({ type: "String", required: true, description: "Customer guid the access token is being generated for: 32 hexadecimal digits. Exactly 32 characters." }),
    scopes: t.field({ type: [CustomerTokenScopeEnum], required: true, description: "List of the scopes requested for the access token. At least 1 item. No item may repeat." }),
    inheritIpAllowlist: t.field({ type: "Boolean", description: "When true the customer token inherits the IP allowlist of the bank API key that creates it. Omitted or null: not sent (the upstream default is true)." }),
    ipAllowlist: t.field({ type: ["String"], description: "Public IPv4 addresses or CIDR ranges the token is restricted to; combined with the inherited list when inheritIpAllowlist is true. Written in canonical form: dotted quads without leading zeros, an optional /prefix from 0 to 32. At most 64 items. Each item: an IPv4 address or CIDR range in canonical form (like 34.120.17.5 or 52.94.0.0/16). Omitted or null: not sent." }),
  }),
});

/** What `CustomerToken` is resolved from: the upstream's 201 body, the request it answered, and whether it was reused. */
export interface CustomerTokenSource {
  answer: CustomerToken;
  request: CreateCustomerTokenRequest;
  /** The answer was minted for an earlier identical request (token reuse), not for this one. */
  reused: boolean;
}

/** `CustomerToken`, with the fields of the upstream's `CustomerToken`; the gateway adds its own in src/schema/. */
export const CustomerTokenRef = builder.objectRef<CustomerTokenSource>("CustomerToken");

builder.objectType(CustomerTokenRef, {
  description: "A minted customer token. From the upstream's `CustomerToken`.",
  fields: (t) => ({
    accessToken: t.field({
      type: "String",
      description: "The JWT access token for the customer.",
      resolve: ({ answer }) => answer["access_token"],
    }),
  }),
});
