import { CUSTOMER_TOKEN_SCOPES, type CustomerTokenScope } from "@tokengate/idp-client";

const KNOWN_SCOPES: ReadonlySet<string> = new Set(CUSTOMER_TOKEN_SCOPES);

function isCustomerTokenScope(value: string): value is CustomerTokenScope {
  return KNOWN_SCOPES.has(value);
}

/**
 * The scopes a JWT grants, from its `scope` claim, decoded without verifying
 * its signature (`unverifiedClaims`, `claimsHeldBy`). The upstream writes the
 * claim as a list of strings; OAuth's space-separated string is read too.
 * Values the contract does not list are left out, since the GraphQL enum
 * cannot carry them. `null` when there are no claims or no `scope` claim of
 * either shape.
 */
export function grantedScopesOf(
  claims: Record<string, unknown> | null,
): CustomerTokenScope[] | null {
  const scope = claims?.scope;
  let values: unknown[];
  if (typeof scope === "string") values = scope.split(" ");
  else if (Array.isArray(scope)) values = scope;
  else return null;
  const granted = new Set<CustomerTokenScope>();
  for (const value of values) {
    if (typeof value === "string" && isCustomerTokenScope(value)) granted.add(value);
  }
  return [...granted];
}
