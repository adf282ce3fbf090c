import { claimsHeldBy } from "../../core/jwt-claims.js";
import { expiryOf } from "../../core/jwt-expiry.js";
import { grantedScopesOf } from "../../core/jwt-scopes.js";
import { CustomerTokenScopeEnum } from "../../generated/enums.js";
import { CustomerTokenRef } from "../../generated/operations/createCustomerToken.js";
import { builder } from "../../graphql/builder.js";

/** The gateway's own `CustomerToken` fields, beside the generated ones from the upstream's answer. */
builder.objectFields(CustomerTokenRef, (t) => ({
  tokenType: t.string({ description: "Always `Bearer`.", resolve: () => "Bearer" }),
  // Decoded only when a caller selects it.
  expiresAt: t.field({
    type: "DateTime",
    nullable: true,
    description:
      "When the token expires (its `exp` claim, read without verification); null when not decodable.",
    resolve: ({ answer }) => expiryOf(claimsHeldBy(answer, answer.access_token)),
  }),
  reused: t.boolean({
    description:
      "True when the token was minted for an earlier identical mint (same caller, customer, scopes and IP-allowlist inputs) and handed out again while it still had its minimum time left; false when minted for this request.",
    resolve: ({ reused }) => reused,
  }),
  customerGuid: t.string({
    description: "The customer the token was minted for.",
    resolve: ({ request }) => request.customer_guid,
  }),
  scopes: t.field({
    type: [CustomerTokenScopeEnum],
    description: "The scopes requested for the token.",
    resolve: ({ request }) => request.scopes,
  }),
  grantedScopes: t.field({
    type: [CustomerTokenScopeEnum],
    nullable: true,
    description:
      "The scopes the token grants: its `scope` claim, read without verification (like `expiresAt`); values the contract does not list are left out. Null when the token is not a JWT or has no `scope` claim.",
    resolve: ({ answer }) => grantedScopesOf(claimsHeldBy(answer, answer.access_token)),
  }),
}));
