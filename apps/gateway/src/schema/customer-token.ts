import type { CustomerTokenScope } from "@tokengate/idp-client";
import { builder } from "../builder.js";
import { jwtExpiry } from "../jwt-expiry.js";
import { jwtGrantedScopes } from "../jwt-scopes.js";
import { CustomerTokenScopeEnum } from "./scope.js";

export interface IssuedCustomerToken {
  accessToken: string;
  customerGuid: string;
  scopes: CustomerTokenScope[];
}

export const CustomerTokenRef = builder.objectRef<IssuedCustomerToken>("CustomerToken").implement({
  description: "A customer access token minted by the upstream.",
  fields: (t) => ({
    accessToken: t.exposeString("accessToken", {
      description: "The JWT to send as `Authorization: Bearer …`.",
    }),
    tokenType: t.string({ description: "Always `Bearer`.", resolve: () => "Bearer" }),
    // Decoded only when a caller selects it.
    expiresAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "When the token expires (its `exp` claim, read without verification); null when not decodable.",
      resolve: (token) => jwtExpiry(token.accessToken),
    }),
    customerGuid: t.exposeString("customerGuid", {
      description: "The customer the token was minted for.",
    }),
    scopes: t.expose("scopes", {
      type: [CustomerTokenScopeEnum],
      description: "The scopes requested for the token.",
    }),
    grantedScopes: t.field({
      type: [CustomerTokenScopeEnum],
      nullable: true,
      description:
        "The scopes the token grants: its `scope` claim, read without verification (like `expiresAt`); values the contract does not list are left out. Null when the token is not a JWT or has no `scope` claim.",
      resolve: (token) => jwtGrantedScopes(token.accessToken),
    }),
  }),
});
