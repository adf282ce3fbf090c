import type { ListBankApplicationsRequest } from "@tokengate/idp-client";
import { adminOnly, type BrokerPolicy } from "../operation.js";

/**
 * Broker mode: the bank's API keys are the bank's business, so only a
 * caller with the admin scope may list them (with the gateway's bank token,
 * which then needs `banks:read` in `IDP_TOKEN_SCOPES`).
 */
export const policy: BrokerPolicy<ListBankApplicationsRequest> = adminOnly;
