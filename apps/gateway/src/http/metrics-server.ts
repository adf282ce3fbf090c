import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { LIMITS } from "../config/limits.js";
import type { ServerLimits } from "../config/load-config.js";
import { createBoundedServer } from "./bounded-server.js";

export interface MetricsServer {
  /** Base URL, e.g. `http://127.0.0.1:9464`; the metrics are at `/metrics`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` on a port of its own, apart from the public
 * GraphQL port, so that the scrape endpoint can stay on loopback or an
 * internal interface while the gateway faces callers. It has the GraphQL
 * port's header and request timeouts and at most `MAX_METRICS_CONNECTIONS`
 * connections, so that half-sent requests cannot pile up there and use up
 * the process's descriptors.
 */
export async function serveMetrics(
  registry: Registry,
  host: string,
  port: number,
  limits: ServerLimits,
  logger: Logger,
): Promise<MetricsServer> {
  const bounds = {
    limits: {
      ...limits,
      keepAliveTimeoutMs: LIMITS.METRICS_KEEP_ALIVE_TIMEOUT_MS.value,
      maxConnections: LIMITS.MAX_METRICS_CONNECTIONS.value,
      maxConnectionsPerAddress: LIMITS.MAX_METRICS_CONNECTIONS.value,
    },
    logger,
    message: "refused metrics connections",
    refused: () => undefined,
  };
  const server = createBoundedServer(bounds, (request, response) => {
    if (request.method !== "GET" || request.url?.split("?")[0] !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: unknown) => {
        logger.error({ err: error }, "could not collect metrics");
        response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
