/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import type { WithRequired } from "../types.js";
import type { components, operations } from "./openapi.js";

/** The body of `POST /api/customer_tokens`. */
export type CreateCustomerTokenRequest = components["schemas"]["PostCustomerToken"];
/** A 201 body of `createCustomerToken` as the spec types it. */
export type CreateCustomerTokenAnswer = components["schemas"]["CustomerToken"];
/** A 201 body, with every `x-tokengate-required` field present. */
export type CreateCustomerTokenData = WithRequired<components["schemas"]["CustomerToken"], "access_token">;

/** The path and query parameters of `GET /api/bank_applications`. */
export type ListBankApplicationsRequest = NonNullable<operations["listBankApplications"]["parameters"]["query"]>;
/** A 200 body of `listBankApplications` as the spec types it. */
export type ListBankApplicationsAnswer = components["schemas"]["ApplicationList"];
/** A 200 body, with every `x-tokengate-required` field present. */
export type ListBankApplicationsData = components["schemas"]["ApplicationList"];
