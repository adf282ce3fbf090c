import type { CreateCustomerTokenRequest } from "@tokengate/idp-client";
import { builder } from "../builder.js";
import { idpErrorToGraphQL } from "../errors.js";
import {
  CreateCustomerTokenInput,
  CustomerTokenRef,
  type CustomerTokenSource,
} from "../generated/create-customer-token.js";
import { CREATE_CUSTOMER_TOKEN_INPUT_FIELDS } from "../generated/field-maps.js";
import { toWire } from "./field-map.js";

builder.mutationType({
  fields: (t) => ({
    createCustomerToken: t.field({
      description:
        "Mints a customer access token upstream (`POST /api/customer_tokens`) with the caller's bank token, forwarded from `Authorization`.",
      type: CustomerTokenRef,
      args: { input: t.arg({ type: CreateCustomerTokenInput, required: true }) },
      resolve: async (_root, { input }, context): Promise<CustomerTokenSource> => {
        const { idp, authorizer, authorization, requestId } = context;
        const body: CreateCustomerTokenRequest = toWire(CREATE_CUSTOMER_TOKEN_INPUT_FIELDS, input);
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
        return { answer: data, request: body };
      },
    }),
  }),
});
