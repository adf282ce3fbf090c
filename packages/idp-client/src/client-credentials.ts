import { inspect } from "node:util";
import type { ValidateFunction } from "ajv";
import createClient from "openapi-fetch";
import { BankTokenError } from "./bank-token-error.js";
import { resolveBaseUrl } from "./base-url.js";
import { BANK_TOKEN_SCHEMA, OAUTH_ERROR_SCHEMA } from "./generated/contract.js";
import type { components, paths } from "./generated/openapi.js";
import { ajv } from "./response.js";
import { retryAfterSeconds } from "./retry-after.js";
import { errorCode } from "./thrown-errors.js";
import type { ServerAlias } from "./types.js";

type BankToken = components["schemas"]["BankToken"];
type OAuthError = components["schemas"]["OAuthError"];

/**
 * The token endpoint's answers, checked against the spec. Compiled on first
 * use, not at import: a client with a static bank token never asks for one,
 * and compiling cost about 50 ms of the gateway's start.
 */
let compiled:
  | { isBankToken: ValidateFunction<BankToken>; isOAuthError: ValidateFunction<OAuthError> }
  | undefined;
const tokenEndpointAnswers = () =>
  (compiled ??= {
    isBankToken: ajv.compile<BankToken>(BANK_TOKEN_SCHEMA),
    isOAuthError: ajv.compile<OAuthError>(OAUTH_ERROR_SCHEMA),
  });

export interface ClientCredentialsOptions {
  clientId: string;
  clientSecret: string;
  /** Scopes of the bank token; minting customer tokens needs `customers:write` and `customers:read`. */
  scopes?: readonly string[];
  /** `"sandbox"`, `"production"` or the URL serving `/oauth/token`. */
  baseUrl: ServerAlias | (string & {}) | URL;
  /** A WHATWG `fetch` for the token endpoint; default the global one. */
  fetch?: (request: Request) => Promise<Response>;
  /** Time for one token request. Default 10 000 ms. */
  timeoutMs?: number;
  /** Fetch a new token this long before the cached one expires. Default 60 000 ms (at most half its lifetime). */
  refreshMarginMs?: number;
  /**
   * Asked before each request to the token endpoint (once per fetch, however
   * many callers wait on it): `null` sends it; a number of seconds refuses it,
   * and the provider rejects with a `BankTokenError` carrying that
   * `retryAfterSeconds` without sending anything. For a budget of token
   * requests kept outside the provider (e.g. shared by several processes).
   */
  admit?: () => Promise<number | null>;
}

/** A bank-token provider for `createIdpClient({ getToken })`. */
export interface ClientCredentialsProvider {
  (): Promise<string>;
  /** Forgets `token` if it is the cached one (the upstream refused it); the next call fetches a new one. */
  invalidate(token: string): void;
}

export const DEFAULT_BANK_TOKEN_SCOPES = ["customers:read", "customers:write"] as const;

function required(value: unknown, name: string): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new TypeError(`clientCredentials: ${name} must be a non-empty string`);
  }
  return value;
}

/**
 * Gets bank tokens with the OAuth 2.0 client-credentials grant
 * (`POST /oauth/token`) and caches each until shortly before it expires.
 * Concurrent callers share one request (single flight). The secret stays in
 * this closure: it is sent only to the token endpoint and appears in no
 * message, `toString()` or `inspect()`.
 *
 * @example
 * const idp = createIdpClient({
 *   baseUrl: "sandbox",
 *   getToken: clientCredentials({ baseUrl: "sandbox", clientId, clientSecret }),
 * });
 */
export function clientCredentials(options: ClientCredentialsOptions): ClientCredentialsProvider {
  const clientId = required(options.clientId, "clientId");
  const clientSecret = required(options.clientSecret, "clientSecret");
  const scope = (options.scopes ?? DEFAULT_BANK_TOKEN_SCOPES).join(" ");
  const timeoutMs = options.timeoutMs ?? 10_000;
  const refreshMarginMs = options.refreshMarginMs ?? 60_000;
  const client = createClient<paths>({
    baseUrl: resolveBaseUrl(options.baseUrl),
    fetch: options.fetch ?? ((request) => fetch(request)),
  });

  let cached: { token: string; refreshAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  async function requestToken(): Promise<string> {
    const refusedFor = options.admit ? await options.admit() : null;
    if (refusedFor !== null) {
      throw new BankTokenError(
        `Not asking the token endpoint: its request budget is spent for ${refusedFor} s`,
        null,
        null,
        null,
        refusedFor,
      );
    }
    const answer = await client
      .POST("/oauth/token", {
        body: {
          grant_type: "client_credentials",
          client_id: clientId,
          client_secret: clientSecret,
          scope,
        },
        signal: AbortSignal.timeout(timeoutMs),
        // The body holds the client secret: never send it where a redirect points.
        redirect: "error",
      })
      .catch((error: unknown) => {
        const timedOut = (error as Error).name === "TimeoutError";
        const why = timedOut
          ? `no answer within ${timeoutMs} ms`
          : (errorCode(error) ?? "network error");
        throw new BankTokenError(
          `Could not get a bank token: ${why}`,
          null,
          null,
          timedOut ? timeoutMs : null,
        );
      });
    const { data, error, response } = answer;
    if (!response.ok) {
      const oauthError = tokenEndpointAnswers().isOAuthError(error) ? error.error : null;
      // 429: the published per-IP limit of the token endpoint (the spec models it).
      const limited = response.status === 429;
      throw new BankTokenError(
        `The token endpoint refused client ${clientId} (${response.status}${oauthError ? ` ${oauthError}` : ""})`,
        response.status,
        oauthError,
        null,
        limited ? retryAfterSeconds(response.headers.get("retry-after")) : undefined,
      );
    }
    if (!tokenEndpointAnswers().isBankToken(data)) {
      throw new BankTokenError(
        "The token endpoint's answer breaks the contract",
        response.status,
        null,
      );
    }
    const lifetimeMs = data.expires_in * 1000;
    cached = {
      token: data.access_token,
      refreshAt: Date.now() + lifetimeMs - Math.min(refreshMarginMs, lifetimeMs / 2),
    };
    return data.access_token;
  }

  const provider = (() => {
    if (cached && Date.now() < cached.refreshAt) return Promise.resolve(cached.token);
    inflight ??= requestToken().finally(() => {
      inflight = null;
    });
    return inflight;
  }) as ClientCredentialsProvider;
  provider.invalidate = (token) => {
    if (cached?.token === token) cached = null;
  };
  const description = `[clientCredentials provider for client ${clientId}]`;
  provider.toString = () => description;
  Object.defineProperty(provider, inspect.custom, { value: () => description });
  Object.defineProperty(provider, "toJSON", { value: () => description });
  return provider;
}
