import { CUSTOMER_TOKEN_SCOPES, type CustomerTokenScope } from "@tokengate/idp-client";
import { CustomerTokenScopeEnum, ENUM_VALUE_NAMES } from "../../generated/enums.js";
import { builder } from "../builder.js";

/** `customers:pii:read` → `CUSTOMERS_PII_READ`: the generated GraphQL enum name of a wire scope. */
export function scopeEnumName(scope: string): string {
  const names: Readonly<Record<string, string>> = ENUM_VALUE_NAMES.CustomerTokenScope;
  const name = names[scope];
  if (name === undefined) throw new RangeError(`${scope} is not a scope of the spec`);
  return name;
}

interface ScopeInfo {
  scope: CustomerTokenScope;
}

const CustomerTokenScopeInfo = builder.objectRef<ScopeInfo>("CustomerTokenScopeInfo").implement({
  description: "A customer token scope with the parts of its wire value.",
  fields: (t) => ({
    scope: t.field({ type: CustomerTokenScopeEnum, resolve: ({ scope }) => scope }),
    wireValue: t.string({
      description: "The value the upstream knows, e.g. `customers:pii:read`.",
      resolve: ({ scope }) => scope,
    }),
    resource: t.string({
      description: "What the scope grants access to, e.g. `customers`.",
      resolve: ({ scope }) => scope.slice(0, scope.indexOf(":")),
    }),
    access: t.string({
      description: "The kind of access, e.g. `read`, `pii:read`, `write`, `execute`.",
      resolve: ({ scope }) => scope.slice(scope.indexOf(":") + 1),
    }),
  }),
});

builder.queryType({
  description: "Reads: what this gateway can mint, and the upstream's read operations.",
  fields: (t) => ({
    customerTokenScopes: t.field({
      description: "Every scope a customer token can carry, in the order of the upstream contract.",
      type: [CustomerTokenScopeInfo],
      resolve: () => CUSTOMER_TOKEN_SCOPES.map((scope) => ({ scope })),
    }),
  }),
});
