import type { CreateCustomerTokenData, CreateCustomerTokenRequest } from "@tokengate/idp-client";
import { claimsHeldBy } from "../../core/jwt-claims.js";
import { expiryOf } from "../../core/jwt-expiry.js";
import type { AnswerReuse } from "../operation.js";

/**
 * A minted token is handed out again for a mint of the same customer, the
 * same set of scopes and the same IP-allowlist inputs (by the same caller:
 * the reuse store adds who asked), while its `exp` leaves enough time.
 */
export const reuse: AnswerReuse<CreateCustomerTokenRequest, CreateCustomerTokenData> = {
  inputs: (request) => [
    request.customer_guid,
    [...request.scopes].sort(),
    // Omitted or null: the upstream's default, true.
    request.inherit_ip_allowlist ?? true,
    request.ip_allowlist ? [...request.ip_allowlist].sort() : null,
  ],
  expiresAt: (answer) => expiryOf(claimsHeldBy(answer, answer.access_token)),
};
