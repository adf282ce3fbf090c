/**
 * This file was auto-generated from spec/openapi.yaml by
 * apps/gateway/scripts/generate-graphql.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import {
  type components,
  OPERATIONS,
  type ListBankApplicationsData,
  type ListBankApplicationsRequest,
} from "@tokengate/idp-client";
import { builder } from "../../graphql/builder.js";
import { toWire } from "../../operations/field-map.js";
import { defineOperation } from "../../operations/operation.js";
import { runOperation } from "../../operations/pipeline.js";
import { policy } from "../../operations/listBankApplications/policy.js";
import { ApplicationScopeEnum } from "../enums.js";

/**
 * The one wire ↔ GraphQL field map of `listBankApplications`'s request (GraphQL name →
 * wire name): it builds the upstream request and names fields in errors.
 */
const FIELDS = {
  page: "page",
  perPage: "per_page",
  bankGuid: "bank_guid",
} as const satisfies Readonly<Record<string, keyof ListBankApplicationsRequest>>;

/** What `BankApplicationList` is resolved from: the upstream's 200 body, the request it answered, and whether it was reused. */
export interface BankApplicationListSource {
  answer: ListBankApplicationsData;
  request: ListBankApplicationsRequest;
  /** The answer was given to an earlier identical request (reuse), not fetched for this one. */
  reused: boolean;
}

/** `BankApplicationList`, with the fields of the upstream's `ApplicationList`; `src/operations/listBankApplications/` may add its own. */
export const BankApplicationListRef = builder.objectRef<BankApplicationListSource>("BankApplicationList");

builder.objectType(BankApplicationListRef, {
  description: "One page of the bank's OAuth2 applications. From the upstream's `ApplicationList`.",
  fields: (t) => ({
    total: t.field({
      type: "Int",
      description: "The total number of records available.",
      resolve: (source) => source.answer["total"],
    }),
    page: t.field({
      type: "Int",
      description: "The page index.",
      resolve: (source) => source.answer["page"],
    }),
    perPage: t.field({
      type: "Int",
      description: "The number of records per page returned.",
      resolve: (source) => source.answer["per_page"],
    }),
    objects: t.field({
      type: [ApplicationRef],
      description: "Array of applications.",
      resolve: (source) => source.answer["objects"],
    }),
  }),
});

/** The upstream's `Application`, in GraphQL names. */
export const ApplicationRef = builder.objectRef<components["schemas"]["Application"]>("Application");

builder.objectType(ApplicationRef, {
  fields: (t) => ({
    name: t.field({
      type: "String",
      description: "Name provided for the OAuth2 application.",
      resolve: (source) => source["name"],
    }),
    clientId: t.field({
      type: "String",
      description: "The OAuth2 application's client ID.",
      resolve: (source) => source["client_id"],
    }),
    scopes: t.field({
      type: [ApplicationScopeEnum],
      description: "List of the scopes granted to the OAuth2 application.",
      resolve: (source) => source["scopes"],
    }),
    createdAt: t.field({
      type: "DateTime",
      description: "ISO8601 datetime the record was created at.",
      resolve: (source) => new Date(source["created_at"]),
    }),
    updatedAt: t.field({
      type: "DateTime", nullable: true,
      description: "ISO8601 datetime the record was last updated at.",
      resolve: (source) => source["updated_at"] === undefined ? null : new Date(source["updated_at"]),
    }),
  }),
});

/** `listBankApplications` as the operation pipeline carries it. */
export const listBankApplications = defineOperation<ListBankApplicationsRequest, ListBankApplicationsData>({
  operationId: "listBankApplications",
  validateRequest: OPERATIONS.listBankApplications.validateRequest,
  fields: FIELDS,
  fieldPath: [],
  // The GraphQL code of every documented error status (`x-tokengate-graphql-code`).
  errorCodes: {
    "401": {
      code: "UNAUTHENTICATED",
      messageCodes: {
        "unauthorized": "UNAUTHENTICATED",
      },
    },
    "403": {
      code: "FORBIDDEN",
      messageCodes: {
        "invalid_scopes": "FORBIDDEN",
      },
    },
    "429": {
      code: "UPSTREAM_RATE_LIMITED",
      messageCodes: {
        "rate_limited": "UPSTREAM_RATE_LIMITED",
      },
    },
  },
  secretFields: [],
  policy: policy,
  reuse: null,
  audit: null,
  call: (idp, request, options) => idp.listBankApplications(request, options),
});

builder.queryField("bankApplications", (t) =>
  t.field({
    description: "List bank applications (`GET /api/bank_applications` upstream), with the caller's bank token (passthrough mode) or the gateway's own (broker mode).",
    type: BankApplicationListRef,
    args: {
        page: t.arg({ type: "Int", description: "The page index to retrieve. At least 0. Omitted or null: not sent." }),
        perPage: t.arg({ type: "Int", description: "The number of entities per page to return. From 1 to 100. Omitted or null: not sent." }),
        bankGuid: t.arg({ type: "String", description: "Bank guid to list applications for. Omitted or null: not sent." }),
      },
    resolve: (_root, args, context) => runOperation(listBankApplications, toWire(FIELDS, args), context),
  }),
);
