/**
 * This file was auto-generated from spec/openapi.yaml by
 * apps/gateway/scripts/generate-graphql.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import { builder } from "../../builder.js";

builder.mutationType({});

import "./createCustomerToken.js";
import "../../operations/createCustomerToken/fields.js";
import "./listBankApplications.js";
