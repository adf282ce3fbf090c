import type { Middleware } from "openapi-fetch";
import { resolveBaseUrl } from "./base-url.js";
import { Deadline } from "./deadline.js";
import { type IdpError, invalidRequest } from "./errors.js";
import type { CreateCustomerTokenResult } from "./result.js";
import { retryDelayMs } from "./retry.js";
import { createSend } from "./send.js";
import { thrownToError, tokenProviderError } from "./thrown-errors.js";
import { createTransport, NoAnswerError } from "./transport/index.js";
import type { CreateCustomerTokenRequest, ServerAlias } from "./types.js";
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
   * default the client uses its own keep-alive undici pool instead; either
   * way redirects are refused, bodies capped and failures told apart alike.
   * It is given `redirect: "manual"` requests and must not follow redirects.
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
  /**
   * openapi-fetch middleware, run on every request (e.g. tracing headers),
   * given real `Request`/`Response` objects as openapi-fetch documents.
   */
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
  /**
   * Closes the kept-alive connections; calls after it fail. With
   * `abortInFlight`, calls still running end at once as `aborted` (a server
   * out of drain time answers its callers instead of waiting for the upstream).
   */
  close(options?: { abortInFlight?: boolean }): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
export const DEFAULT_CONNECTIONS = 64;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 10_000;

/** One try: its result, and whether the upstream provably never answered it (the one network failure worth a retry). */
interface Attempt {
  result: CreateCustomerTokenResult;
  noAnswer: boolean;
}

/** The request headers of a call, lower-case, before authentication. */
function baseHeaders(extra: Record<string, string> | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
  };
  if (extra) for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  return headers;
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
  const transport = createTransport({
    baseUrl,
    fetch: options.fetch,
    timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    connections: options.connections ?? DEFAULT_CONNECTIONS,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  });
  const send = createSend({ baseUrl, transport, middleware: options.middleware ?? [] });
  const { getToken } = options;
  const staticAuthorization = options.token === undefined ? undefined : `Bearer ${options.token}`;
  let closed = false;
  // Each running call's deadline, so that close({ abortInFlight }) can end them.
  const inFlight = new Set<Deadline>();
  let closing: Promise<void> | undefined;

  async function attempt(
    body: CreateCustomerTokenRequest,
    headers: Record<string, string>,
    deadline: Deadline,
  ): Promise<Attempt> {
    try {
      return { result: await send(body, headers, deadline), noAnswer: false };
    } catch (thrown) {
      return {
        result: { error: thrownToError(thrown, deadline) },
        noAnswer: thrown instanceof NoAnswerError && !deadline.aborted,
      };
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
    // The same on both transports: a closed pool would refuse, a caller's fetch would not.
    if (closed) {
      return {
        error: { kind: "network", message: "The client is closed; nothing was sent", code: null },
      };
    }

    // One deadline for everything this call does: the bank token, the
    // attempt, the pause and the retry.
    const deadline = new Deadline(call.timeoutMs ?? timeoutMs, call.signal);
    inFlight.add(deadline);
    try {
      const headers = baseHeaders(call.headers);
      let providerToken: string | undefined;
      if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
      else if (headers.authorization === undefined) {
        if (getToken) {
          try {
            providerToken = await bankToken(getToken, deadline);
          } catch (error) {
            return { error: failedToken(error, deadline) };
          }
          headers.authorization = `Bearer ${providerToken}`;
        } else if (staticAuthorization) headers.authorization = staticAuthorization;
      }

      let { result, noAnswer } = await attempt(checked.value, headers, deadline);
      const delay =
        retry && result.error ? retryDelayMs(result.error, noAnswer, deadline.sendableMs()) : null;
      if (delay !== null) {
        await deadline.sleep(delay);
        ({ result, noAnswer } = await attempt(checked.value, headers, deadline));
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
          ({ result } = await attempt(checked.value, headers, deadline));
        } catch (error) {
          result = { error: failedToken(error, deadline) };
        }
      }
      return result;
    } finally {
      deadline.clear();
      inFlight.delete(deadline);
    }
  }

  return {
    baseUrl,
    createCustomerToken,
    close: (options = {}) => {
      closed = true;
      if (options.abortInFlight) {
        for (const deadline of inFlight)
          deadline.abort(new DOMException("client closed", "AbortError"));
      }
      // A second close (say, after an abortInFlight one) waits for the first.
      closing ??= transport.close();
      return closing;
    },
  };
}
