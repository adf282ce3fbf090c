import type { Middleware } from "openapi-fetch";
import { resolveBaseUrl } from "./base-url.js";
import type { Deadline } from "./deadline.js";
import { type OperationMethods, operationMethods } from "./generated/methods.js";
import { createPipeline, type TokenProvider } from "./pipeline.js";
import { createSend } from "./send.js";
import { createTransport } from "./transport/index.js";
import type { ServerAlias } from "./types.js";

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

/** The client: one typed method per operation of the spec (generated), and `close`. */
export interface IdpClient extends OperationMethods {
  /** The resolved upstream origin, e.g. `https://id.sandbox.cybrid.app`. */
  readonly baseUrl: string;
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

/**
 * Creates a typed client for the operations of the Cybrid Identity API that
 * tokengate's spec models, one method each, all over one call pipeline.
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
  const transport = createTransport({
    baseUrl,
    fetch: options.fetch,
    timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    connections: options.connections ?? DEFAULT_CONNECTIONS,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  });
  let closed = false;
  // Each running call's deadline, so that close({ abortInFlight }) can end them.
  const inFlight = new Set<Deadline>();
  let closing: Promise<void> | undefined;
  const call = createPipeline({
    send: createSend({ baseUrl, transport, middleware: options.middleware ?? [] }),
    timeoutMs,
    retry: options.retry ?? true,
    getToken: options.getToken,
    staticAuthorization: options.token === undefined ? undefined : `Bearer ${options.token}`,
    isClosed: () => closed,
    inFlight,
  });

  return {
    baseUrl,
    ...operationMethods(call),
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
