/**
 * This file was auto-generated from spec/openapi.yaml by
 * apps/gateway/scripts/generate-graphql.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import { builder } from "../../graphql/builder.js";

builder.mutationType({});

import { createCustomerToken } from "./createCustomerToken.js";
import "../../operations/createCustomerToken/fields.js";
import { listBankApplications } from "./listBankApplications.js";

/** Every operation the gateway exposes, as the operation pipeline carries it, by operationId. */
export const GATEWAY_OPERATIONS = { createCustomerToken, listBankApplications } as const;
