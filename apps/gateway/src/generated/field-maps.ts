/**
 * This file was auto-generated from spec/openapi.yaml by
 * apps/gateway/scripts/generate-graphql.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import type { CreateCustomerTokenRequest } from "@tokengate/idp-client";

/**
 * The one wire ↔ GraphQL field map of `CreateCustomerTokenInput` (GraphQL name →
 * wire name): it builds the upstream body and names fields in errors.
 */
export const CREATE_CUSTOMER_TOKEN_INPUT_FIELDS = {
  customerGuid: "customer_guid",
  scopes: "scopes",
  inheritIpAllowlist: "inherit_ip_allowlist",
  ipAllowlist: "ip_allowlist",
} as const satisfies Readonly<Record<string, keyof CreateCustomerTokenRequest>>;
