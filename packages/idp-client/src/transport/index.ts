import { createFetchTransport } from "./fetch-transport.js";
import type { Transport } from "./transport.js";
import { createUndiciTransport } from "./undici-transport.js";

export {
  BrokenAnswerError,
  NoAnswerError,
  OtherOriginError,
  RefusedStatusError,
  ResponseTooLargeError,
} from "./errors.js";
export { type Answer, headerOf, type OutgoingRequest, type Transport } from "./transport.js";

interface TransportOptions {
  baseUrl: string;
  /** A caller's WHATWG fetch; without it, the client's own undici pool. */
  fetch: ((request: Request) => Promise<Response>) | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
  connections: number;
  keepAliveTimeoutMs: number;
}

/** A caller's `fetch` when given, else a keep-alive undici pool: one `Transport` either way. */
export function createTransport(options: TransportOptions): Transport {
  if (options.fetch) {
    return createFetchTransport({
      baseUrl: options.baseUrl,
      fetch: options.fetch,
      maxResponseBytes: options.maxResponseBytes,
    });
  }
  return createUndiciTransport({
    baseUrl: options.baseUrl,
    connections: options.connections,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs,
    connectTimeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
  });
}
