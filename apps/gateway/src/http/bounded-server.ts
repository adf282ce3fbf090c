import { createServer, type RequestListener, type Server } from "node:http";
import type { Logger } from "pino";
import type { ServerLimits } from "../config/load-config.js";
import { throttledWarning } from "../core/throttled-warning.js";
import { type ConnectionRefusal, capConnections } from "./connection-cap.js";

/**
 * A `node:http` server that no client can hold open: slow headers, slow
 * bodies and idle kept-alive sockets are cut at `limits`, and connections
 * are capped overall and per address (`capConnections`). Each refused
 * connection is logged at warn (throttled, as `message`) and told to `refused`. Both the
 * GraphQL port and the metrics port are made here, so neither is the one
 * without bounds.
 */
export interface Bounds {
  limits: ServerLimits;
  logger: Logger;
  /** The warning logged for refused connections. */
  message: string;
  refused(reason: ConnectionRefusal): void;
}

export function createBoundedServer(bounds: Bounds, listener: RequestListener): Server {
  const { limits, logger, message, refused } = bounds;
  // Node checks the request and header timeouts on this interval (default 30 s).
  const connectionsCheckingInterval = Math.min(1_000, limits.headersTimeoutMs);
  const server = createServer({ connectionsCheckingInterval }, listener);
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  const warn = throttledWarning(logger, message);
  capConnections(server, limits, (reason) => {
    refused(reason);
    warn({ reason });
  });
  return server;
}
