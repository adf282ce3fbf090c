import type { CreateCustomerTokenRequest } from "@tokengate/idp-client";
import { builder } from "../builder.js";
import { idpErrorToGraphQL } from "../errors.js";
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
      resolve: async (_root, { input }, context): Promise<IssuedCustomerToken> => {
        const { idp, authorizer, authorization, requestId } = context;
        const body = toWireRequest(input);
        // Who may mint what is decided before anything is sent (passthrough:
        // a Bearer header to forward; broker: a verified caller and policy).
        const auth = await authorizer.authorize(authorization, body);
        // The client checks the body against the spec before sending; its
        // issues come back as `invalid_request` and become BAD_USER_INPUT
        // with GraphQL field names, so there is one validation, not two.
        const { data, error } = await idp.createCustomerToken(body, {
          headers: { ...auth, "x-request-id": requestId },
        });
        if (error) {
          if (error.kind !== "invalid_request") {
            const status = "status" in error ? error.status : undefined;
            // Client messages never hold a secret (a BankTokenError names only the client id and OAuth code).
            context
              .log()
              .warn({ kind: error.kind, status, detail: error.message }, "upstream call failed");
          }
          throw idpErrorToGraphQL(error, authorizer.mode);
        }
        return {
          accessToken: data.access_token,
          customerGuid: body.customer_guid,
          scopes: body.scopes,
        };
      },
    }),
  }),
});
