import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Gateway } from "./yoga.js";

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /**
   * Stops accepting connections, lets in-flight requests finish, and resolves
   * `true` when they did within `graceMs`, `false` if some had to be cut.
   */
  drain(graceMs: number): Promise<boolean>;
}

/** Serves the gateway through yoga's own Node adapter on `host:port` (port 0: a free one). */
export async function listen(
  gateway: Gateway,
  host: string,
  port: number,
  logger: Logger,
): Promise<RunningServer> {
  let draining = false;
  const server = createServer((request, response) => {
    // A keep-alive client would otherwise hold the drain open.
    if (draining) response.setHeader("connection", "close");
    void gateway(request, response);
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
