/**
 * What broker mode is configured with, apart from the verifier itself, so
 * that reading the configuration does not load jose (only broker mode does).
 */
import { CUSTOMER_TOKEN_SCOPES } from "@tokengate/idp-client";

export interface BrokerAuthSettings {
  /** Where the caller tokens' public keys are published. */
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Claim holding the customer guid a caller may mint for. */
  customerClaim: string;
  /** Scopes a minted token may carry (wire values). */
  allowedScopes: readonly string[];
  /** A `scope`/`scp` value that lets a caller mint for any customer. */
  adminScope: string | null;
  /** Asymmetric algorithms only: no `none`, no HMAC, so a public key can never act as a shared secret. */
  algorithms: readonly string[];
  clockToleranceSeconds: number;
  /** Longest a caller token may live, from `iat` (or from now) to `exp`. */
  maxTokenLifetimeSeconds: number;
  /** Most `ipAllowlist` entries a non-admin caller may attach. */
  maxIpAllowlistEntries: number;
  /** Shortest CIDR prefix (largest range) a non-admin caller may attach; 24 allows up to 256 addresses. */
  minIpAllowlistPrefix: number;
  /** Least time between two JWKS fetches for an unknown key id (key rotation). */
  jwksCooldownMs: number;
}

/** Signature algorithms a caller token may use. */
export const ASYMMETRIC_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
];

/** The default `ALLOWED_SCOPES`: every `…:read` scope except the PII ones. */
export const READ_ONLY_SCOPES = CUSTOMER_TOKEN_SCOPES.filter(
  (scope) => scope.endsWith(":read") && !scope.includes(":pii:"),
);
