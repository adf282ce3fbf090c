import { CUSTOMER_TOKEN_SCOPES } from "@tokengate/idp-client";
import {
  ASYMMETRIC_ALGORITHMS,
  type BrokerAuthSettings,
  READ_ONLY_SCOPES,
} from "./auth/broker-settings.js";
import { integerSetting } from "./env.js";
import { readSecretFile } from "./secret-file.js";
import { SHORTEST_SECRET } from "./secrets.js";
import { requireSecureUrl } from "./secure-url.js";

export interface BrokerConfig {
  clientId: string;
  clientSecret: string;
  /** Scopes of the bank token the gateway requests. */
  tokenScopes: string[];
  auth: BrokerAuthSettings;
  rateLimit: RateLimitSettings;
}

/** How many mints a verified caller, and a customer, may have per minute. */
export interface RateLimitSettings {
  /** `RATE_LIMIT_MINTS_PER_MINUTE`: per caller `sub` and per customer guid; 0 turns limiting off. */
  mintsPerMinute: number;
  /** `REDIS_URL`: where replicas share the counts; `null` keeps them in this process. */
  redisUrl: string | null;
}

/** `redis://` or `rediss://` (TLS), e.g. `redis://:password@redis.internal:6379/0`. */
function redisUrlFrom(text: string | undefined, problems: string[]): string | null {
  if (!text) return null;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (url?.protocol === "redis:" || url?.protocol === "rediss:") {
    try {
      decodeURIComponent(url.password);
    } catch {
      problems.push("REDIS_URL's password must be URL-encoded (write a % as %25)");
      return null;
    }
    return url.href;
  }
  // The URL may hold a password: name the setting, not its value.
  problems.push("REDIS_URL must be a redis:// or rediss:// URL");
  return null;
}

function list(text: string | undefined): string[] | undefined {
  if (!text) return undefined;
  return text.split(/[\s,]+/).filter(Boolean);
}

function secretFrom(
  env: NodeJS.ProcessEnv,
  problems: string[],
  warnings: string[],
): string | undefined {
  if (env.IDP_CLIENT_SECRET) return env.IDP_CLIENT_SECRET;
  if (!env.IDP_CLIENT_SECRET_FILE) return undefined;
  return readSecretFile(env.IDP_CLIENT_SECRET_FILE, "IDP_CLIENT_SECRET_FILE", problems, warnings);
}

const AUTH_SETTINGS = [
  "AUTH_JWKS_URL",
  "AUTH_ISSUER",
  "AUTH_AUDIENCE",
  "AUTH_CUSTOMER_CLAIM",
  "AUTH_ADMIN_SCOPE",
  "ALLOWED_SCOPES",
  "AUTH_JWKS_COOLDOWN_MS",
  "AUTH_MAX_TOKEN_LIFETIME_SECONDS",
  "AUTH_MAX_IP_ALLOWLIST_ENTRIES",
  "AUTH_MIN_IP_ALLOWLIST_PREFIX",
  "RATE_LIMIT_MINTS_PER_MINUTE",
  "REDIS_URL",
];

/**
 * Broker mode is on when the bank's client credentials are set
 * (`IDP_CLIENT_ID` and `IDP_CLIENT_SECRET` or `IDP_CLIENT_SECRET_FILE`). It
 * then needs every caller-authentication setting: without them the gateway
 * would mint tokens for anyone, so it refuses to start instead.
 */
export function loadBrokerConfig(
  env: NodeJS.ProcessEnv,
  problems: string[],
  warnings: string[] = [],
): BrokerConfig | null {
  const clientSecret = secretFrom(env, problems, warnings);
  if (!env.IDP_CLIENT_ID && clientSecret === undefined) {
    // Broker settings without credentials would silently mean passthrough,
    // forwarding callers' app tokens upstream as if they were bank tokens.
    const stray = AUTH_SETTINGS.filter((name) => env[name]);
    if (stray.length)
      problems.push(`${stray.join(", ")} need IDP_CLIENT_ID and IDP_CLIENT_SECRET (broker mode)`);
    return null;
  }
  if (!env.IDP_CLIENT_ID) problems.push("IDP_CLIENT_ID is required when a client secret is set");
  if (!clientSecret)
    problems.push(
      "IDP_CLIENT_SECRET or IDP_CLIENT_SECRET_FILE is required when IDP_CLIENT_ID is set",
    );
  else if (clientSecret.length < SHORTEST_SECRET)
    // A secret this short cannot be told from ordinary words, so logs could not be scrubbed of it.
    problems.push(`the client secret must be at least ${SHORTEST_SECRET} characters long`);

  const jwksUrl = env.AUTH_JWKS_URL
    ? requireSecureUrl(env.AUTH_JWKS_URL, "AUTH_JWKS_URL", problems)
    : "";
  if (!env.AUTH_JWKS_URL) problems.push("AUTH_JWKS_URL is required in broker mode");
  for (const name of ["AUTH_ISSUER", "AUTH_AUDIENCE"] as const) {
    if (!env[name]) problems.push(`${name} is required in broker mode`);
  }

  const known = new Set<string>(CUSTOMER_TOKEN_SCOPES);
  const allowedScopes = list(env.ALLOWED_SCOPES) ?? READ_ONLY_SCOPES;
  const unknown = allowedScopes.filter((scope) => !known.has(scope));
  if (unknown.length)
    problems.push(
      `ALLOWED_SCOPES has values that are not customer token scopes: ${unknown.join(", ")}`,
    );

  const algorithms = list(env.AUTH_ALGORITHMS) ?? ["RS256", "ES256"];
  const weak = algorithms.filter((algorithm) => !ASYMMETRIC_ALGORITHMS.includes(algorithm));
  if (weak.length) {
    problems.push(
      `AUTH_ALGORITHMS may list only ${ASYMMETRIC_ALGORITHMS.join(", ")}; got ${weak.join(", ")}`,
    );
  }

  return {
    clientId: env.IDP_CLIENT_ID ?? "",
    clientSecret: clientSecret ?? "",
    tokenScopes: list(env.IDP_TOKEN_SCOPES) ?? ["customers:read", "customers:write"],
    auth: {
      jwksUrl,
      issuer: env.AUTH_ISSUER ?? "",
      audience: env.AUTH_AUDIENCE ?? "",
      customerClaim: env.AUTH_CUSTOMER_CLAIM || "customer_guid",
      allowedScopes,
      adminScope: env.AUTH_ADMIN_SCOPE || null,
      algorithms,
      clockToleranceSeconds: 5,
      maxTokenLifetimeSeconds: integerSetting(
        env,
        "AUTH_MAX_TOKEN_LIFETIME_SECONDS",
        86_400,
        60,
        31_536_000,
        problems,
      ),
      maxIpAllowlistEntries: integerSetting(
        env,
        "AUTH_MAX_IP_ALLOWLIST_ENTRIES",
        4,
        0,
        1_000,
        problems,
      ),
      minIpAllowlistPrefix: integerSetting(
        env,
        "AUTH_MIN_IP_ALLOWLIST_PREFIX",
        24,
        0,
        32,
        problems,
      ),
      jwksCooldownMs: integerSetting(env, "AUTH_JWKS_COOLDOWN_MS", 30_000, 0, 3_600_000, problems),
    },
    rateLimit: {
      mintsPerMinute: integerSetting(
        env,
        "RATE_LIMIT_MINTS_PER_MINUTE",
        60,
        0,
        1_000_000,
        problems,
      ),
      redisUrl: redisUrlFrom(env.REDIS_URL, problems),
    },
  };
}
