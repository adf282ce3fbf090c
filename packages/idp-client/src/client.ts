import createClient, { type Middleware } from "openapi-fetch";
import { resolveBaseUrl } from "./base-url.js";
import { Deadline } from "./deadline.js";
import { type IdpError, invalidRequest } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { type ParsedBody, parseJson, readCustomerTokenAnswer } from "./response.js";
import { retryDelayMs } from "./retry.js";
import { thrownToError, tokenProviderError } from "./thrown-errors.js";
import { ResponseBodyError } from "./transport/errors.js";
import { createTransport } from "./transport/index.js";
import type { CreateCustomerTokenRequest, CustomerToken, ServerAlias } from "./types.js";
import { validateCreateCustomerTokenRequest } from "./validate.js";

/**
 * Returns the bank's bearer token; called before every request. A provider
 * with `invalidate` (like `clientCredentials`) is told when the upstream
 * refuses its token with 401, and the call is retried once with a new one.
 */
export type TokenProvider = (() => string | Promise<string>) & { invalidate?(token: string): void };

/** How the client authenticates: a static bank token, a provider, or per call. */
type Auth = { token?: string; getToken?: never } | { getToken?: TokenProvider; token?: never };

export type IdpClientOptions = Auth & {
  /** `"sandbox"`, `"production"` (the spec's servers) or an absolute URL. */
  baseUrl: ServerAlias | (string & {}) | URL;
  /**
   * A WHATWG `fetch` to send requests with (to observe or route them). By
   * default the client uses its own keep-alive undici pool instead.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Time allowed for one call, retry included, connect to last byte. Default 10 000 ms. */
  timeoutMs?: number;
  /** Largest response body read. Default 64 KiB. */
  maxResponseBytes?: number;
  /** Sockets the default transport keeps to the upstream. Default 64. */
  connections?: number;
  /** Idle time before a kept-alive socket closes. Default 10 000 ms. */
  keepAliveTimeoutMs?: number;
  /** Retry once on 502/503 or when no answer arrived. Default true. */
  retry?: boolean;
  /** openapi-fetch middleware, run on every request (e.g. tracing headers). */
  middleware?: Middleware[];
};

export interface CallOptions {
  /** Cancels the call; the result is then an `aborted` error. */
  signal?: AbortSignal;
  /** A bank token for this call only, instead of the client's own. */
  token?: string;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Extra request headers (e.g. `x-request-id`). */
  headers?: Record<string, string>;
}

/** `{ data }` on success, `{ error }` otherwise; `response` when one arrived. */
export type CreateCustomerTokenResult =
  | { data: CustomerToken; error?: never; response: Response }
  | { data?: never; error: IdpError; response?: Response };

export interface IdpClient {
  /** The resolved upstream origin, e.g. `https://id.sandbox.cybrid.app`. */
  readonly baseUrl: string;
  /**
   * Mints a customer token (`POST /api/customer_tokens`). The body is checked
   * against the spec first; an invalid one is never sent.
   */
  createCustomerToken(
    body: CreateCustomerTokenRequest,
    options?: CallOptions,
  ): Promise<CreateCustomerTokenResult>;
  /** Closes the kept-alive connections; calls after it fail. */
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
export const DEFAULT_CONNECTIONS = 64;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 10_000;

function hasAuthorization(headers: Record<string, string> | undefined): boolean {
  return (
    headers !== undefined &&
    Object.keys(headers).some((name) => name.toLowerCase() === "authorization")
  );
}

/**
 * Creates a typed client for the Cybrid Identity API's customer token
 * endpoint, generated from tokengate's spec.
 *
 * @example
 * const idp = createIdpClient({ baseUrl: "sandbox", token: bankToken });
 * const { data, error } = await idp.createCustomerToken({
 *   customer_guid: "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4",
 *   scopes: ["customers:read"],
 * });
 * if (error) console.error(error.kind, error.message);
 * else console.log(data.access_token);
 */
export function createIdpClient(options: IdpClientOptions): IdpClient {
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry = options.retry ?? true;

  const {
    transport,
    Request: RequestClass,
    signalFor,
    close: closeTransport,
  } = createTransport({
    baseUrl,
    fetch: options.fetch,
    timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    connections: options.connections ?? DEFAULT_CONNECTIONS,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  });
  const client = createClient<paths>({
    baseUrl,
    fetch: transport,
    ...(RequestClass && { Request: RequestClass }),
  });
  // Auth is a plain header set per call, not middleware: openapi-fetch skips
  // its middleware machinery entirely when a client has none.
  const { getToken } = options;
  const staticAuthorization = options.token === undefined ? undefined : `Bearer ${options.token}`;
  for (const middleware of options.middleware ?? []) client.use(middleware);

  /** One try; `answered` says whether any answer arrived (only a try without one may be retried as "network"). */
  async function attempt(
    body: CreateCustomerTokenRequest,
    headers: Record<string, string>,
    deadline: Deadline,
    signal: AbortSignal,
  ): Promise<{ result: CreateCustomerTokenResult; answered: boolean }> {
    let answered = false;
    try {
      const { data, error, response } = await client.POST("/api/customer_tokens", {
        body,
        headers,
        signal,
        parseAs: "text",
        // Never replay the body and bank token to wherever a redirect points.
        redirect: "error",
        // The undici transport reads the whole body before it returns; a
        // caller's fetch returns first and openapi-fetch reads the body later.
        ...(options.fetch && {
          fetch: (request: Request) =>
            transport(request).then((response) => {
              answered = true;
              return response;
            }),
        }),
      });
      // openapi-fetch hands back text for a 2xx and tries JSON.parse on
      // anything else; bring both to one shape before checking the contract.
      const parsed: ParsedBody = response.ok
        ? parseJson(data ?? "")
        : typeof error === "string" || error === undefined
          ? { ok: false }
          : { ok: true, value: error };
      const outcome = readCustomerTokenAnswer(
        response.status,
        parsed,
        response.headers.get("retry-after"),
      );
      const result: CreateCustomerTokenResult = outcome.ok
        ? { data: outcome.token, response }
        : { error: outcome.error, response };
      return { result, answered: true };
    } catch (thrown) {
      answered ||= thrown instanceof ResponseBodyError;
      return { result: { error: thrownToError(thrown, deadline) }, answered };
    }
  }

  /** The provider's bank token, within the call's deadline. */
  function bankToken(provider: TokenProvider, deadline: Deadline): Promise<string> {
    return deadline.race(Promise.resolve().then(() => provider()));
  }

  /** A provider that failed, or the deadline that cut it short. */
  function failedToken(error: unknown, deadline: Deadline): IdpError {
    return deadline.aborted ? thrownToError(error, deadline) : tokenProviderError(error);
  }

  async function createCustomerToken(
    body: CreateCustomerTokenRequest,
    call: CallOptions = {},
  ): Promise<CreateCustomerTokenResult> {
    const checked = validateCreateCustomerTokenRequest(body);
    if (!checked.ok) return { error: invalidRequest(checked.issues) };

    // One deadline for everything this call does: the bank token, the
    // attempt, the pause and the retry.
    const deadline = new Deadline(call.timeoutMs ?? timeoutMs, call.signal);
    const signal = signalFor(deadline);
    try {
      const headers: Record<string, string> = { accept: "application/json", ...call.headers };
      let providerToken: string | undefined;
      if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
      else if (!hasAuthorization(call.headers)) {
        if (getToken) {
          try {
            providerToken = await bankToken(getToken, deadline);
          } catch (error) {
            return { error: failedToken(error, deadline) };
          }
          headers.authorization = `Bearer ${providerToken}`;
        } else if (staticAuthorization) headers.authorization = staticAuthorization;
      }

      let { result, answered } = await attempt(checked.value, headers, deadline, signal);
      const delay =
        retry && result.error ? retryDelayMs(result.error, answered, deadline.remainingMs()) : null;
      if (delay !== null) {
        await deadline.sleep(delay);
        ({ result, answered } = await attempt(checked.value, headers, deadline, signal));
      }
      // A cached bank token the upstream no longer accepts: refresh it once
      // and try once more. Never more: a second 401 is the answer.
      if (
        result.error?.kind === "unauthorized" &&
        providerToken !== undefined &&
        getToken?.invalidate
      ) {
        getToken.invalidate(providerToken);
        try {
          headers.authorization = `Bearer ${await bankToken(getToken, deadline)}`;
          ({ result } = await attempt(checked.value, headers, deadline, signal));
        } catch (error) {
          result = { error: failedToken(error, deadline) };
        }
      }
      return result;
    } finally {
      deadline.clear();
    }
  }

  return { baseUrl, createCustomerToken, close: () => closeTransport() };
}
