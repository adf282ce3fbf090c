import { scopeEnumName } from "@tokengate/gateway";
import { CUSTOMER_TOKEN_SCOPES } from "@tokengate/idp-client";

/**
 * Every customer-token scope's GraphQL enum name and its wire value, from
 * the spec's enum (the client's list) and the gateway's naming of it. Peers
 * that cannot map enum values declaratively get this table, so each target
 * sends the upstream the same wire request.
 */
export function scopeWireValues(): Record<string, string> {
  return Object.fromEntries(CUSTOMER_TOKEN_SCOPES.map((scope) => [scopeEnumName(scope), scope]));
}
