/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */

/** Every scope a customer token can carry, in spec order. */
export const CUSTOMER_TOKEN_SCOPES = [
  "counterparties:read",
  "counterparties:pii:read",
  "counterparties:write",
  "counterparties:execute",
  "customers:read",
  "customers:pii:read",
  "customers:write",
  "accounts:read",
  "accounts:write",
  "accounts:execute",
  "prices:read",
  "quotes:read",
  "quotes:execute",
  "trades:read",
  "trades:execute",
  "transactions:read",
  "transfers:read",
  "transfers:write",
  "transfers:execute",
  "external_bank_accounts:read",
  "external_bank_accounts:pii:read",
  "external_bank_accounts:write",
  "external_bank_accounts:execute",
  "external_wallets:read",
  "external_wallets:write",
  "external_wallets:execute",
  "workflows:read",
  "workflows:execute",
  "deposit_addresses:read",
  "deposit_addresses:write",
  "deposit_addresses:execute",
  "deposit_bank_accounts:read",
  "deposit_bank_accounts:write",
  "deposit_bank_accounts:execute",
  "invoices:read",
  "invoices:write",
  "invoices:execute",
  "identity_verifications:read",
  "identity_verifications:pii:read",
  "identity_verifications:write",
  "identity_verifications:execute",
  "persona_sessions:execute",
  "sardine_sessions:execute",
  "plans:execute",
  "plans:read",
  "executions:execute",
  "executions:read"
] as const;

/** The spec's servers, by their `x-tokengate-alias`. */
export const SERVER_URLS = {
  "sandbox": "https://id.sandbox.cybrid.app",
  "production": "https://id.production.cybrid.app"
} as const;

/** The `x-tokengate-check` names the request schemas use; checks.ts implements each. */
export const REQUEST_CHECKS = [
  "public-ipv4"
] as const;

/** The upstream's published per-IP limits by operationId (`x-tokengate-rate-limit`): requests per window of seconds. */
export const PUBLISHED_RATE_LIMITS = {
  "createBankToken": {
    "requests": 20,
    "windowSeconds": 300
  },
  "createCustomerToken": {
    "requests": 200,
    "windowSeconds": 300
  }
} as const;
