/**
 * This file was auto-generated from spec/openapi.yaml by
 * apps/gateway/scripts/generate-graphql.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import {
  OPERATIONS,
  type CreateCustomerTokenData,
  type CreateCustomerTokenRequest,
} from "@tokengate/idp-client";
import { builder } from "../../graphql/builder.js";
import { toWire } from "../../operations/field-map.js";
import { defineOperation } from "../../operations/operation.js";
import { runOperation } from "../../operations/pipeline.js";
import { policy } from "../../operations/createCustomerToken/policy.js";
import { reuse } from "../../operations/createCustomerToken/reuse.js";
import { audit } from "../../operations/createCustomerToken/audit.js";
import { CustomerTokenScopeEnum } from "../enums.js";

/**
 * The one wire ↔ GraphQL field map of `createCustomerToken`'s request (GraphQL name →
 * wire name): it builds the upstream request and names fields in errors.
 */
const FIELDS = {
  customerGuid: "customer_guid",
  scopes: "scopes",
  inheritIpAllowlist: "inherit_ip_allowlist",
  ipAllowlist: "ip_allowlist",
} as const satisfies Readonly<Record<string, keyof CreateCustomerTokenRequest>>;

export const CreateCustomerTokenInput = builder.inputType("CreateCustomerTokenInput", {
  description: "Request to mint a customer access token. The upstream's `PostCustomerToken`, in GraphQL names.",
  fields: (t) => ({
    customerGuid: t.field({ type: "String", required: true, description: "Customer guid the access token is being generated for: 32 hexadecimal digits. Exactly 32 characters." }),
    scopes: t.field({ type: [CustomerTokenScopeEnum], required: true, description: "List of the scopes requested for the access token. At least 1 item. No item may repeat." }),
    inheritIpAllowlist: t.field({ type: "Boolean", description: "When true the customer token inherits the IP allowlist of the bank API key that creates it. Omitted or null: not sent (the upstream default is true)." }),
    ipAllowlist: t.field({ type: ["String"], description: "Public IPv4 addresses or CIDR ranges the token is restricted to; combined with the inherited list when inheritIpAllowlist is true. Written in canonical form: dotted quads without leading zeros, an optional /prefix from 0 to 32. At most 64 items. Each item: an IPv4 address or CIDR range in canonical form (like 34.120.17.5 or 52.94.0.0/16). Omitted or null: not sent." }),
  }),
});

/** What `CustomerToken` is resolved from: the upstream's 201 body, the request it answered, and whether it was reused. */
export interface CustomerTokenSource {
  answer: CreateCustomerTokenData;
  request: CreateCustomerTokenRequest;
  /** The answer was given to an earlier identical request (reuse), not fetched for this one. */
  reused: boolean;
}

/** `CustomerToken`, with the fields of the upstream's `CustomerToken`; `src/operations/createCustomerToken/` may add its own. */
export const CustomerTokenRef = builder.objectRef<CustomerTokenSource>("CustomerToken");

builder.objectType(CustomerTokenRef, {
  description: "A minted customer token. From the upstream's `CustomerToken`.",
  fields: (t) => ({
    accessToken: t.field({
      type: "String",
      description: "The JWT access token for the customer.",
      resolve: (source) => source.answer["access_token"],
    }),
  }),
});

/** `createCustomerToken` as the operation pipeline carries it. */
export const createCustomerToken = defineOperation<CreateCustomerTokenRequest, CreateCustomerTokenData>({
  operationId: "createCustomerToken",
  validateRequest: OPERATIONS.createCustomerToken.validateRequest,
  fields: FIELDS,
  fieldPath: ["input"],
  // The GraphQL code of every documented error status (`x-tokengate-graphql-code`).
  errorCodes: {
    "401": {
      code: "UNAUTHENTICATED",
      messageCodes: {
        "invalid_subject": "UNAUTHENTICATED",
        "authentication_failed": "UNAUTHENTICATED",
        "unauthorized": "UNAUTHENTICATED",
        "authentication_malformed": "UNAUTHENTICATED",
      },
    },
    "403": {
      code: "FORBIDDEN",
      messageCodes: {
        "invalid_scopes": "FORBIDDEN",
        "forbidden": "FORBIDDEN",
      },
    },
    "422": {
      code: "BAD_USER_INPUT",
      messageCodes: {
        "no_customer": "CUSTOMER_NOT_FOUND",
      },
    },
    "429": {
      code: "UPSTREAM_RATE_LIMITED",
      messageCodes: {
        "rate_limited": "UPSTREAM_RATE_LIMITED",
      },
    },
  },
  secretFields: ["access_token"],
  policy: policy,
  reuse: reuse,
  audit: audit,
  call: (idp, request, options) => idp.createCustomerToken(request, options),
});

builder.mutationField("createCustomerToken", (t) =>
  t.field({
    description: "Create customer access token (`POST /api/customer_tokens` upstream), with the caller's bank token (passthrough mode) or the gateway's own (broker mode).",
    type: CustomerTokenRef,
    args: { input: t.arg({ type: CreateCustomerTokenInput, required: true }) },
    resolve: (_root, args, context) => runOperation(createCustomerToken, toWire(FIELDS, args.input), context),
  }),
);
