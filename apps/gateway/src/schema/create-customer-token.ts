import type { CreateCustomerTokenRequest } from "@tokengate/idp-client";
import { builder } from "../builder.js";
import { mintCustomerToken } from "../mint.js";
import { CustomerTokenRef, type IssuedCustomerToken } from "./customer-token.js";
import { CustomerTokenScopeEnum } from "./scope.js";

const CreateCustomerTokenInput = builder.inputType("CreateCustomerTokenInput", {
  description: "What to mint: the upstream's `PostCustomerToken`, in GraphQL names.",
  fields: (t) => ({
    customerGuid: t.string({
      required: true,
      description: "The customer's guid: exactly 32 characters.",
    }),
    scopes: t.field({
      type: [CustomerTokenScopeEnum],
      required: true,
      description: "At least one scope, none repeated.",
    }),
    inheritIpAllowlist: t.boolean({
      description:
        "Inherit the bank API key's IP allowlist (upstream default: true). Null means not sent.",
    }),
    ipAllowlist: t.stringList({
      description:
        "Public IPv4 addresses or CIDR ranges (canonical form, e.g. `52.94.0.0/16`) the token may be used from. Null means not sent.",
    }),
  }),
});

type Input = typeof CreateCustomerTokenInput.$inferInput;

/** GraphQL input → wire body; an optional field is sent only when given (`false` kept, `null` dropped). */
function toWireRequest(input: Input): CreateCustomerTokenRequest {
  const body: CreateCustomerTokenRequest = {
    customer_guid: input.customerGuid,
    scopes: input.scopes,
  };
  if (input.inheritIpAllowlist != null) body.inherit_ip_allowlist = input.inheritIpAllowlist;
  if (input.ipAllowlist != null) body.ip_allowlist = input.ipAllowlist;
  return body;
}

builder.mutationType({
  fields: (t) => ({
    createCustomerToken: t.field({
      description:
        "Mints a customer access token upstream (`POST /api/customer_tokens`) with the caller's bank token, forwarded from `Authorization`.",
      type: CustomerTokenRef,
      args: { input: t.arg({ type: CreateCustomerTokenInput, required: true }) },
      resolve: (_root, { input }, context): Promise<IssuedCustomerToken> =>
        mintCustomerToken(toWireRequest(input), context),
    }),
  }),
});
