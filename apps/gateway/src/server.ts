import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { createHotPath } from "./hot-path.js";
import { respondWithError } from "./respond.js";
import type { Gateway } from "./yoga.js";

export interface RunningServer {
  url: string;
  /**
   * Stops accepting connections, lets in-flight requests finish, and resolves
   * `true` when they did within `graceMs`, `false` if some had to be cut.
   */
  drain(graceMs: number): Promise<boolean>;
}

/** Largest request body accepted; a mutation is well under 2 KiB. */
export const MAX_BODY_BYTES = 64 * 1024;

/** GraphQL over HTTP: a POST body is JSON; form and text bodies would dodge CORS preflight. */
const JSON_MEDIA_TYPE = /^application\/(graphql-response\+)?json\s*(;|$)/i;

/**
 * Refuses, before any byte of it is read, a body that is not JSON, too large,
 * or of undeclared size (a chunked upload could otherwise stream forever).
 */
function bodyProblem(request: IncomingMessage): [number, string, string] | null {
  if (request.method !== "POST") return null;
  if (!JSON_MEDIA_TYPE.test(request.headers["content-type"] ?? "")) {
    return [
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "A POST body must be sent as Content-Type: application/json",
    ];
  }
  const length = request.headers["content-length"];
  if (length === undefined)
    return [411, "LENGTH_REQUIRED", "A POST body must declare its Content-Length"];
  if (Number(length) > MAX_BODY_BYTES) {
    return [413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES} bytes`];
  }
  return null;
}

/** Serves the gateway over HTTP on `host:port` (port 0: a free one). */
export async function listen(
  gateway: Gateway,
  host: string,
  port: number,
  logger: Logger,
): Promise<RunningServer> {
  let draining = false;
  const hotPath = createHotPath(gateway, logger);
  const server = createServer((request, response) => {
    // A keep-alive client would otherwise hold the drain open.
    if (draining) response.setHeader("connection", "close");
    const problem = bodyProblem(request);
    // The body is not read: the connection cannot be reused.
    if (problem) return respondWithError(response, ...problem, { connection: "close" });
    if (hotPath.accepts(request)) hotPath.serve(request, response);
    else gateway(request, response);
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
