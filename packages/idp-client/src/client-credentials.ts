import { inspect } from "node:util";
import { BankTokenError } from "./bank-token-error.js";
import { resolveBaseUrl } from "./base-url.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./client.js";
import { Deadline } from "./deadline.js";
import type { paths } from "./generated/openapi.js";
import { isBankToken, isOAuthError } from "./generated/operations.js";
import { retryAfterSeconds } from "./retry-after.js";
import { errorCode } from "./thrown-errors.js";
import {
  type Answer,
  createTransport,
  headerOf,
  ResponseTooLargeError,
} from "./transport/index.js";
import type { ServerAlias } from "./types.js";

/** The token endpoint's path in the spec. */
const TOKEN_PATH = "/oauth/token" satisfies keyof paths;

export interface ClientCredentialsOptions {
  clientId: string;
  /**
   * The client secret, or a function that returns the current one: called
   * for each token request, so a rotated secret is sent from the next
   * request on while the cached token keeps serving.
   */
  clientSecret: string | (() => string);
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
  /**
   * After a failed token request, calls fail at once with the same error,
   * sending nothing, for `firstMs`, doubling with each failure in a row up
   * to `maxMs`; a token ends it. Default 1 000 ms, up to 30 000 ms.
   */
  failureBackoffMs?: { firstMs: number; maxMs: number };
  /** Largest token-endpoint answer read, in bytes. Default `DEFAULT_MAX_RESPONSE_BYTES` (64 KiB), as for every upstream call. */
  maxResponseBytes?: number;
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

/** The current secret: a given string (checked once), or what the function returns (checked each time). */
function secretReader(given: string | (() => string)): () => string {
  if (typeof given === "function") return () => required(given(), "clientSecret");
  const secret = required(given, "clientSecret");
  return () => secret;
}

/**
 * Gets bank tokens with the OAuth 2.0 client-credentials grant
 * (`POST /oauth/token`) and caches each until shortly before it expires.
 * Concurrent callers share one request (single flight), and a failure is
 * remembered and answered without a request while its backoff lasts. The secret stays in
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
  const clientSecret = secretReader(options.clientSecret);
  const scope = (options.scopes ?? DEFAULT_BANK_TOKEN_SCOPES).join(" ");
  const timeoutMs = options.timeoutMs ?? 10_000;
  const refreshMarginMs = options.refreshMarginMs ?? 60_000;
  const firstFailureBackoffMs = options.failureBackoffMs?.firstMs ?? 1_000;
  const maxFailureBackoffMs = options.failureBackoffMs?.maxMs ?? 30_000;
  const baseUrl = resolveBaseUrl(options.baseUrl);
  // The same capped transport as every upstream call: a body over
  // `maxResponseBytes` is refused while it is read, nothing is decompressed,
  // and a redirect is an answer, never followed (the body holds the secret).
  const transport = createTransport({
    baseUrl,
    fetch: options.fetch,
    timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    connections: 1,
    keepAliveTimeoutMs: 10_000,
  });
  const path = new URL(baseUrl).pathname.replace(/\/+$/, "") + TOKEN_PATH;
  const bodyWith = (secret: string) =>
    JSON.stringify({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: secret,
      scope,
    });

  let cached: { token: string; refreshAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  async function send(body: string): Promise<Answer> {
    const deadline = new Deadline(timeoutMs);
    try {
      return await deadline.race(
        transport.send(
          {
            method: "POST",
            path,
            headers: { "content-type": "application/json", accept: "application/json" },
            body,
          },
          deadline,
        ),
      );
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        throw new BankTokenError(
          `The token endpoint's answer is larger than ${error.limitBytes} bytes`,
          error.status,
          null,
        );
      }
      const why = deadline.timedOut
        ? `no answer within ${timeoutMs} ms`
        : (errorCode(error) ?? "network error");
      throw new BankTokenError(
        `Could not get a bank token: ${why}`,
        null,
        null,
        deadline.timedOut ? timeoutMs : null,
      );
    } finally {
      deadline.clear();
    }
  }

  async function requestToken(secret: string): Promise<string> {
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
    const sent = await send(bodyWith(secret));
    const { status, body: text } = sent;
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = undefined;
    }
    if (status < 200 || status > 299) {
      const oauthError = isOAuthError(answer) ? answer.error : null;
      // 429: the published per-IP limit of the token endpoint (the spec models it).
      const limited = status === 429;
      throw new BankTokenError(
        `The token endpoint refused client ${clientId} (${status}${oauthError ? ` ${oauthError}` : ""})`,
        status,
        oauthError,
        null,
        limited ? retryAfterSeconds(headerOf(sent, "retry-after")) : undefined,
      );
    }
    if (!isBankToken(answer)) {
      throw new BankTokenError("The token endpoint's answer breaks the contract", status, null);
    }
    const lifetimeMs = answer.expires_in * 1000;
    cached = {
      token: answer.access_token,
      refreshAt: Date.now() + lifetimeMs - Math.min(refreshMarginMs, lifetimeMs / 2),
    };
    return answer.access_token;
  }

  // The last failure, answered to every call until `until` without a request
  // (each request carries the secret, and the endpoint's own limit is low),
  // unless the secret has changed since: a rotated secret is tried at once.
  let failure: { error: unknown; until: number; backoffMs: number; secret: string } | null = null;
  const remember = (secret: string) => (error: unknown) => {
    const backoffMs = failure
      ? Math.min(failure.backoffMs * 2, maxFailureBackoffMs)
      : firstFailureBackoffMs;
    failure = { error, until: Date.now() + backoffMs, backoffMs, secret };
    throw error;
  };

  const provider = (() => {
    if (cached && Date.now() < cached.refreshAt) return Promise.resolve(cached.token);
    if (inflight) return inflight;
    let secret: string;
    try {
      secret = clientSecret();
    } catch (error) {
      return Promise.reject(error);
    }
    if (failure && Date.now() < failure.until && failure.secret === secret)
      return Promise.reject(failure.error);
    inflight = requestToken(secret)
      .then((token) => {
        failure = null;
        return token;
      }, remember(secret))
      .finally(() => {
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
