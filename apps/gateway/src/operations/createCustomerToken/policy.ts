import type { CreateCustomerTokenRequest } from "@tokengate/idp-client";
import type { BrokerAuthSettings } from "../../config/broker-settings.js";
import { Refusal } from "../../core/refusal.js";
import type { BrokerPolicy } from "../operation.js";

/** `52.94.0.0/16` → 16; a plain address is a /32. */
function prefixOf(entry: string): number {
  const slash = entry.indexOf("/");
  return slash === -1 ? 32 : Number(entry.slice(slash + 1));
}

/**
 * If the upstream merges a token's allowlist with the bank key's, a
 * non-admin caller attaching wide public ranges would widen where the token
 * works; the number and the size of the ranges it may attach are bounded.
 */
function refuseWideAllowlist(entries: readonly string[], settings: BrokerAuthSettings): void {
  if (entries.length > settings.maxIpAllowlistEntries) {
    throw Refusal.because(
      "ip_allowlist_too_long",
      `A caller may attach at most ${settings.maxIpAllowlistEntries} ipAllowlist entries`,
    );
  }
  const wide = entries.filter((entry) => prefixOf(entry) < settings.minIpAllowlistPrefix);
  if (wide.length > 0) {
    throw Refusal.because(
      "ip_allowlist_too_wide",
      `ipAllowlist ranges may be at most /${settings.minIpAllowlistPrefix} for callers; got ${wide.slice(0, 3).join(", ")}`,
    );
  }
}

/** Each configuration's allowed scopes as a set, made once. */
const allowedScopes = new WeakMap<BrokerAuthSettings, ReadonlySet<string>>();

function allowedBy(settings: BrokerAuthSettings): ReadonlySet<string> {
  let allowed = allowedScopes.get(settings);
  if (!allowed) {
    allowed = new Set(settings.allowedScopes);
    allowedScopes.set(settings, allowed);
  }
  return allowed;
}

/**
 * Broker mode's mint rule: a caller mints only for the customer its token
 * names (any customer with the admin scope), only the allowed scopes, and
 * (unless admin) only tokens that inherit the bank's IP allowlist, with a
 * bounded list of its own. Limits count the mint per customer too.
 */
export const policy: BrokerPolicy<CreateCustomerTokenRequest> = (body, caller) => {
  const { admin, settings } = caller;
  if (!admin) {
    if (caller.customer === null) {
      throw Refusal.because(
        "no_customer_claim",
        `The token carries no ${settings.customerClaim} claim`,
      );
    }
    // Guids are hexadecimal in either case; both spellings are one customer.
    if (caller.customer.toLowerCase() !== body.customer_guid.toLowerCase()) {
      throw Refusal.because(
        "customer_mismatch",
        "A token may be minted only for the caller's own customer",
      );
    }
  }
  // The bank's API-key allowlist bounds where customer tokens work;
  // only an admin may mint one that does not inherit it.
  if (!admin && body.inherit_ip_allowlist === false) {
    throw Refusal.because(
      "ip_allowlist_required",
      "Only an admin may mint a token that does not inherit the bank's IP allowlist",
    );
  }
  if (!admin) refuseWideAllowlist(body.ip_allowlist ?? [], settings);
  const allowed = allowedBy(settings);
  const refused = body.scopes.filter((scope) => !allowed.has(scope));
  if (refused.length > 0) {
    throw Refusal.because(
      "scope_not_allowed",
      `Scopes not allowed for callers: ${refused.join(", ")}`,
    );
  }
  // Each alias of a document is a mint of its own and counts.
  return { customer: body.customer_guid };
};
