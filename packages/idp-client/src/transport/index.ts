import type { Deadline } from "../deadline.js";
import { limitResponseBodies } from "./fetch-transport.js";
import { createUndiciTransport, WireRequest } from "./undici-transport.js";

/** What openapi-fetch calls to send a request. */
type Transport = (request: Request) => Promise<Response>;

interface TransportOptions {
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
  /** The signal a call's requests carry. */
  signalFor(deadline: Deadline): AbortSignal;
  close(): Promise<void>;
} {
  if (options.fetch) {
    return {
      transport: limitResponseBodies(options.fetch, options.maxResponseBytes),
      Request: undefined,
      // A WHATWG fetch needs a real AbortSignal.
      signalFor: (deadline) => deadline.toAbortSignal(),
      close: async () => {},
    };
  }
  const pool = createUndiciTransport({
    baseUrl: options.baseUrl,
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
    // undici takes any emitter with `aborted`/`reason` as a signal: the deadline itself.
    signalFor: (deadline) => deadline as unknown as AbortSignal,
    close: pool.close,
  };
}
