import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { ServerLimits } from "../config/load-config.js";
import { throttledWarning } from "../core/throttled-warning.js";
import type { Gateway } from "../graphql/yoga.js";
import type { Telemetry } from "../ops/telemetry.js";
import { createBoundedServer } from "./bounded-server.js";
import type { ConnectionRefusal } from "./connection-cap.js";
import { inTurn } from "./pipelining.js";
import { hasRoutableTarget } from "./request-target.js";

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /**
   * Stops accepting connections, lets in-flight requests finish, and resolves
   * `true` when they did within `graceMs`, `false` if some had to be cut.
   */
  drain(graceMs: number): Promise<boolean>;
}

function refuseMalformed(response: ServerResponse): void {
  const body = JSON.stringify({
    errors: [
      { message: "Malformed request target or Host header", extensions: { code: "BAD_REQUEST" } },
    ],
  });
  response.writeHead(400, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  response.end(body);
}

export interface ListenOptions {
  host: string;
  /** 0: a free one. */
  port: number;
  limits: ServerLimits;
  logger: Logger;
  /** Told of every request the server takes and ends, whichever route or refusal answers it. */
  telemetry: Telemetry;
}

/** Serves the gateway through yoga's own Node adapter on `host:port`. */
export async function listen(gateway: Gateway, options: ListenOptions): Promise<RunningServer> {
  const { host, port, limits, logger, telemetry } = options;
  let draining = false;
  const warnMalformed = throttledWarning(logger, "refused malformed requests");
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    // A keep-alive client would otherwise hold the drain open.
    if (draining) response.setHeader("connection", "close");
    if (!hasRoutableTarget(request)) {
      warnMalformed({ method: request.method });
      return refuseMalformed(response);
    }
    void gateway(request, response);
  };
  const bounds = {
    limits,
    logger,
    message: "refused connections",
    refused: (reason: ConnectionRefusal) => telemetry.connectionRefused(reason),
  };
  const server = createBoundedServer(bounds, (request, response) => {
    // Counted here, not in a yoga plugin: yoga answers /health and CORS
    // preflights before any plugin's onRequest, but every answer closes.
    telemetry.requestStarted();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      telemetry.requestEnded();
    };
    response.once("close", end);
    inTurn(request, response, serve, end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;

  function drain(graceMs: number): Promise<boolean> {
    draining = true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        logger.warn({ graceMs }, "drain took too long; closing the remaining connections");
        clearInterval(sweeper);
        server.closeAllConnections();
        resolve(false);
      }, graceMs);
      timer.unref();
      // Keep-alive sockets of requests that finish during the drain turn idle
      // only later; close them as they do instead of waiting out keepAliveTimeout.
      const sweeper = setInterval(() => server.closeIdleConnections(), 50);
      server.close(() => {
        clearTimeout(timer);
        clearInterval(sweeper);
        resolve(true);
      });
      server.closeIdleConnections();
    });
  }

  return { url, drain };
}
