/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import type { Call, CallOptions, CallResult } from "../pipeline.js";
import type { CreateCustomerTokenData, CreateCustomerTokenRequest, ListBankApplicationsData, ListBankApplicationsRequest } from "./operation-types.js";
import { OPERATIONS } from "./operations.js";

/** One typed method per operation of the spec. */
export interface OperationMethods {
  /**
   * `POST /api/customer_tokens`. The body are checked against the spec first; an
   * invalid request is never sent.
   */
  createCustomerToken(body: CreateCustomerTokenRequest, options?: CallOptions): Promise<CallResult<CreateCustomerTokenData>>;
  /**
   * `GET /api/bank_applications`. The parameters are checked against the spec first; an
   * invalid request is never sent.
   */
  listBankApplications(parameters: ListBankApplicationsRequest, options?: CallOptions): Promise<CallResult<ListBankApplicationsData>>;
}

/** The typed methods, each a call of the one pipeline with its operation's descriptor. */
export function operationMethods(call: Call): OperationMethods {
  return {
    createCustomerToken: (request, options) => call(OPERATIONS.createCustomerToken, request, options),
    listBankApplications: (request, options) => call(OPERATIONS.listBankApplications, request, options),
  };
}
