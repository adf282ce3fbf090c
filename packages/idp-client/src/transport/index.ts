import { limitResponseBodies } from "./fetch-transport.js";
import { createUndiciTransport, WireRequest } from "./undici-transport.js";

/** What openapi-fetch calls to send a request. */
export type Transport = (request: Request) => Promise<Response>;

export interface TransportOptions {
  baseUrl: string;
  /** A caller's WHATWG fetch; without it, the client's own undici pool. */
  fetch: Transport | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
  connections: number;
  keepAliveTimeoutMs: number;
}

/**
 * Picks the transport: a caller's `fetch` (capped bodies), or by default a
 * keep-alive undici pool with its light request class.
 */
export function createTransport(options: TransportOptions): {
  transport: Transport;
  /** The request class openapi-fetch must build (undefined: the global `Request`). */
  Request: typeof Request | undefined;
  close(): Promise<void>;
} {
  if (options.fetch) {
    return {
      transport: limitResponseBodies(options.fetch, options.maxResponseBytes),
      Request: undefined,
      close: async () => {},
    };
  }
  const pool = createUndiciTransport({
    origin: options.baseUrl,
    connections: options.connections,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs,
    connectTimeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
  });
  return {
    // openapi-fetch types its transport with WHATWG classes; WireRequest and
    // WireResponse carry the members it uses.
    transport: pool.fetch as unknown as Transport,
    Request: WireRequest as unknown as typeof Request,
    close: pool.close,
  };
}
