import { createIdpClient, type TokenProvider } from "@tokengate/idp-client";
import type pino from "pino";
import type { Logger } from "pino";
import { type Authorizer, passthroughAuthorizer } from "./auth/authorizer.js";
import { observeBankTokens } from "./bank-token-readiness.js";
import type { GatewayConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { SecretRegistry } from "./secrets.js";
import { listen } from "./server.js";
import { createYogaServer, type Gateway } from "./yoga.js";

export interface AppOptions {
  /** Where log lines go; default stdout (tests pass a sink that keeps them). */
  logDestination?: pino.DestinationStream;
}

export interface RunningApp {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /**
   * Turns `/ready` to 503, drains in-flight requests within the drain
   * budget (answering those still waiting near its end with
   * `SHUTTING_DOWN`), then closes the upstream pool; `true` if no
   * connection had to be cut.
   */
  stop(): Promise<boolean>;
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
async function authorizerFor(config: GatewayConfig, logger: Logger): Promise<Authorizer> {
  if (!config.broker) return passthroughAuthorizer;
  const { createBrokerAuthorizer } = await import("./auth/broker.js");
  return createBrokerAuthorizer(config.broker, config, logger);
}

/** How long before the drain budget ends the still-waiting requests are answered, so their answers get out. */
function answerMarginMs(drainGraceMs: number): number {
  return Math.min(1_000, drainGraceMs / 4);
}

/**
 * Builds the whole gateway from its configuration: logger, auth mode,
 * upstream client, yoga and the HTTP server. The one assembly: `main.ts`
 * and the tests both call it, so tests run the production transport and
 * request path.
 */
export async function buildApp(config: GatewayConfig, options: AppOptions = {}): Promise<App> {
  const secrets = new SecretRegistry();
  if (config.broker) secrets.add(config.broker.clientSecret);
  const logger = createLogger(config.logLevel, options.logDestination, secrets);
  const authorizer = await authorizerFor(config, logger);
  const bankTokens = authorizer.getToken && observeBankTokens(authorizer.getToken, secrets, logger);
  const getToken: TokenProvider | undefined = bankTokens ? bankTokens.getToken : undefined;
  const idp = createIdpClient({
    baseUrl: config.idpBaseUrl,
    timeoutMs: config.idpTimeoutMs,
    getToken,
  });
  let draining = false;
  const shutdown = new AbortController();
  const gateway = createYogaServer({
    idp,
    authorizer,
    logger,
    production: config.production,
    secrets,
    shuttingDown: shutdown.signal,
    corsOrigins: config.corsOrigins,
    readiness: {
      notReadyBecause() {
        if (draining) return "draining";
        if (bankTokens && !bankTokens.hasToken()) return "no_bank_token";
        return null;
      },
    },
  });
  return {
    gateway,
    logger,
    mode: authorizer.mode,
    async listen() {
      const server = await listen(gateway, config.host, config.port, config.server, logger);
      let stopped: Promise<boolean> | undefined;
      const stop = async () => {
        draining = true;
        bankTokens?.stop();
        const budget = config.drainGraceMs;
        const last = setTimeout(() => shutdown.abort(), budget - answerMarginMs(budget));
        const clean = await server.drain(budget);
        clearTimeout(last);
        await idp.close();
        return clean;
      };
      return {
        url: server.url,
        stop: () => {
          stopped ??= stop();
          return stopped;
        },
      };
    },
  };
}
