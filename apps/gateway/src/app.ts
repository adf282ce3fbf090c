import { createIdpClient } from "@tokengate/idp-client";
import type pino from "pino";
import type { Logger } from "pino";
import { type Authorizer, passthroughAuthorizer } from "./auth/authorizer.js";
import type { GatewayConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { listen } from "./server.js";
import { createYogaServer, type Gateway } from "./yoga.js";

export interface AppOptions {
  /** Where log lines go; default stdout (tests pass a sink that keeps them). */
  logDestination?: pino.DestinationStream;
}

export interface RunningApp {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** Drains in-flight requests (up to `graceMs`), then closes the upstream pool; `true` if nothing was cut. */
  stop(graceMs: number): Promise<boolean>;
}

export interface App {
  /** The yoga server; `listen()` serves it through yoga's Node adapter. */
  gateway: Gateway;
  logger: Logger;
  /** The auth mode, as `mode` in logs and errors. */
  mode: Authorizer["mode"];
  /** Serves on the configured host and port. */
  listen(): Promise<RunningApp>;
}

/** The configured auth mode; jose (about 3.5 MB resident) is loaded only by a gateway that verifies callers. */
async function authorizerFor(config: GatewayConfig): Promise<Authorizer> {
  if (!config.broker) return passthroughAuthorizer;
  const { createBrokerAuthorizer } = await import("./auth/broker.js");
  return createBrokerAuthorizer(config.broker, config);
}

/**
 * Builds the whole gateway from its configuration: logger, auth mode,
 * upstream client, yoga and the HTTP server. The one assembly: `main.ts`
 * and the tests both call it, so tests run the production transport and
 * request path.
 */
export async function buildApp(config: GatewayConfig, options: AppOptions = {}): Promise<App> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const authorizer = await authorizerFor(config);
  const idp = createIdpClient({
    baseUrl: config.idpBaseUrl,
    timeoutMs: config.idpTimeoutMs,
    getToken: authorizer.getToken,
  });
  const gateway = createYogaServer({ idp, authorizer, logger, production: config.production });
  return {
    gateway,
    logger,
    mode: authorizer.mode,
    async listen() {
      const server = await listen(gateway, config.host, config.port, logger);
      return {
        url: server.url,
        async stop(graceMs) {
          const clean = await server.drain(graceMs);
          await idp.close();
          return clean;
        },
      };
    },
  };
}
