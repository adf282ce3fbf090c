import type { CreateCustomerTokenRequest } from "@tokengate/idp-client";
import type { RequestAudit } from "../operation.js";

/**
 * A mint's audit record: the customer, the scopes asked for, and the
 * IP-allowlist inputs as sent (`null`: not sent, the upstream's default).
 */
export const audit: RequestAudit<CreateCustomerTokenRequest> = (request) => ({
  customer: request.customer_guid,
  scopes: request.scopes,
  inheritIpAllowlist: request.inherit_ip_allowlist ?? null,
  ipAllowlist: request.ip_allowlist ?? null,
});
