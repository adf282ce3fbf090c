import { builder } from "../builder.js";
import {
  CreateCustomerTokenInput,
  CustomerTokenRef,
  type CustomerTokenSource,
} from "../generated/create-customer-token.js";
import { CREATE_CUSTOMER_TOKEN_INPUT_FIELDS } from "../generated/field-maps.js";
import { mintCustomerToken } from "../mint.js";
import { toWire } from "./field-map.js";

builder.mutationType({
  fields: (t) => ({
    createCustomerToken: t.field({
      description:
        "Mints a customer access token upstream (`POST /api/customer_tokens`) with the caller's bank token, forwarded from `Authorization`.",
      type: CustomerTokenRef,
      args: { input: t.arg({ type: CreateCustomerTokenInput, required: true }) },
      // The generated field map builds the wire body: a new spec field is forwarded with no edit here.
      resolve: (_root, { input }, context): Promise<CustomerTokenSource> =>
        mintCustomerToken(toWire(CREATE_CUSTOMER_TOKEN_INPUT_FIELDS, input), context),
    }),
  }),
});
