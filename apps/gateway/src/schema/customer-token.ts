import { builder } from "../builder.js";
import { CustomerTokenRef } from "../generated/create-customer-token.js";
import { CustomerTokenScopeEnum } from "../generated/enums.js";
import { jwtExpiry } from "../jwt-expiry.js";

/** The gateway's own `CustomerToken` fields, beside the generated ones from the upstream's answer. */
builder.objectFields(CustomerTokenRef, (t) => ({
  tokenType: t.string({ description: "Always `Bearer`.", resolve: () => "Bearer" }),
  // Decoded only when a caller selects it.
  expiresAt: t.field({
    type: "DateTime",
    nullable: true,
    description:
      "When the token expires (its `exp` claim, read without verification); null when not decodable.",
    resolve: ({ answer }) => jwtExpiry(answer.access_token),
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
}));
