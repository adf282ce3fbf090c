/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import type { AnswerValidator, OperationDescriptor } from "../operation.js";
import { createRequestValidator } from "../validate.js";
import * as answerValidators from "./answer-validators.js";
import type { components } from "./openapi.js";
import type { CreateCustomerTokenAnswer, CreateCustomerTokenData, CreateCustomerTokenRequest, ListBankApplicationsAnswer, ListBankApplicationsData, ListBankApplicationsRequest } from "./operation-types.js";
import * as requestValidators from "./request-validators.js";

/** `POST /api/customer_tokens`. */
export const createCustomerToken = {
  operationId: "createCustomerToken",
  method: "POST",
  path: "/api/customer_tokens",
  requestKind: "body",
  pathParameters: [],
  queryParameters: [],
  successStatus: 201,
  requiredFields: ["access_token"],
  errors: {
    "401": {
      "kind": "unauthorized",
      "bodyRequired": false,
      "messageCodes": [
        "invalid_subject",
        "authentication_failed",
        "unauthorized",
        "authentication_malformed"
      ]
    },
    "403": {
      "kind": "forbidden",
      "bodyRequired": false,
      "messageCodes": [
        "invalid_scopes",
        "forbidden"
      ]
    },
    "422": {
      "kind": "unprocessable",
      "bodyRequired": true,
      "messageCodes": [
        "no_customer"
      ]
    },
    "429": {
      "kind": "rate_limited",
      "bodyRequired": false,
      "messageCodes": [
        "rate_limited"
      ]
    }
  },
  validateRequest: createRequestValidator<CreateCustomerTokenRequest>(requestValidators.validateCreateCustomerTokenRequest, ["customer_guid","scopes","inherit_ip_allowlist","ip_allowlist"], {
    validate: requestValidators.validateCreateCustomerTokenRequestSizes,
    wording: {"customer_guid":{"type":"string","minLength":32,"maxLength":32},"scopes":{"type":"array"},"inherit_ip_allowlist":{"type":"boolean","nullable":true},"ip_allowlist":{"type":"array","nullable":true,"maxItems":64}},
  }),
  // Generated JavaScript, typed here as what it checks.
  isAnswer: answerValidators.isCreateCustomerTokenAnswer as AnswerValidator<CreateCustomerTokenAnswer>,
  viaOpenapiFetch: (client, request, init) => client.POST("/api/customer_tokens", { ...init, body: request }),
} as const satisfies OperationDescriptor<CreateCustomerTokenRequest, CreateCustomerTokenAnswer, CreateCustomerTokenData>;

/** `GET /api/bank_applications`. */
export const listBankApplications = {
  operationId: "listBankApplications",
  method: "GET",
  path: "/api/bank_applications",
  requestKind: "parameters",
  pathParameters: [],
  queryParameters: ["page","per_page","bank_guid"],
  successStatus: 200,
  requiredFields: [],
  errors: {
    "401": {
      "kind": "unauthorized",
      "bodyRequired": false,
      "messageCodes": [
        "unauthorized"
      ]
    },
    "403": {
      "kind": "forbidden",
      "bodyRequired": false,
      "messageCodes": [
        "invalid_scopes"
      ]
    },
    "429": {
      "kind": "rate_limited",
      "bodyRequired": false,
      "messageCodes": [
        "rate_limited"
      ]
    }
  },
  validateRequest: createRequestValidator<ListBankApplicationsRequest>(requestValidators.validateListBankApplicationsRequest, ["page","per_page","bank_guid"], {
    validate: requestValidators.validateListBankApplicationsRequestSizes,
    wording: {"page":{"type":"integer"},"per_page":{"type":"integer"},"bank_guid":{"type":"string"}},
  }),
  // Generated JavaScript, typed here as what it checks.
  isAnswer: answerValidators.isListBankApplicationsAnswer as AnswerValidator<ListBankApplicationsAnswer>,
  viaOpenapiFetch: (client, request, init) => client.GET("/api/bank_applications", { ...init, params: { query: { "page": request["page"], "per_page": request["per_page"], "bank_guid": request["bank_guid"] } } }),
} as const satisfies OperationDescriptor<ListBankApplicationsRequest, ListBankApplicationsAnswer, ListBankApplicationsData>;

/** Checks a body against the spec's `ErrorResponse` (precompiled). */
export const isErrorResponse = answerValidators.isErrorResponse as AnswerValidator<components["schemas"]["ErrorResponse"]>;

/** Checks a body against the spec's `BankToken` (precompiled). */
export const isBankToken = answerValidators.isBankToken as AnswerValidator<components["schemas"]["BankToken"]>;

/** Checks a body against the spec's `OAuthError` (precompiled). */
export const isOAuthError = answerValidators.isOAuthError as AnswerValidator<components["schemas"]["OAuthError"]>;

/** Every operation the spec annotates, by operationId. */
export const OPERATIONS = { createCustomerToken, listBankApplications } as const;
