import { createIdpClient, type TokenProvider } from "@tokengate/idp-client";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import pino from "pino";
import { type Authorizer, passthroughAuthorizer } from "./auth/authorizer.js";
import type { GatewayConfig } from "./config/load-config.js";
import { SecretRegistry } from "./core/secrets.js";
import { createYogaServer, type Gateway } from "./graphql/yoga.js";
import { planDrain } from "./http/drain-plan.js";
import type { MetricsServer } from "./http/metrics-server.js";
import { listen } from "./http/server.js";
import { createAdmission } from "./operations/admission.js";
import {
  type AuditTrail,
  fileAuditTrail,
  noAuditTrail,
  streamAuditTrail,
} from "./ops/audit/trail.js";
import { observeBankTokens } from "./ops/bank-token-readiness.js";
import { createLogger } from "./ops/logger.js";
import type { GatewayMetrics } from "./ops/metrics.js";
import type { MintLimiter } from "./ops/rate-limit.js";
import { type RotatingSecrets, rotatingSecrets } from "./ops/secret-rotation.js";
import type { SharedStore } from "./ops/shared-store.js";
import { combineTelemetry, type Telemetry } from "./ops/telemetry.js";
import { createTokenReuse, type TokenReuse } from "./ops/token-reuse.js";
import type { Tracing } from "./ops/tracing.js";
import { createUpstreamBudget, type UpstreamBudget } from "./ops/upstream-budget.js";

export interface AppOptions {
  /** Where log lines go; default stdout (tests pass a sink that keeps them). */
  logDestination?: pino.DestinationStream;
}

export interface RunningApp {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** Base URL of the metrics server (`GET /metrics`) when `METRICS_PORT` is set. */
  metricsUrl?: string;
  /**
   * Turns `/ready` to 503, drains in-flight requests within the HTTP
   * server's share of the drain budget (answering those still waiting
   * near its end with `SHUTTING_DOWN`), then closes the upstream pool, the
   * shared store and the metrics server and flushes buffered spans,
   * all before the budget's exit margin (`planDrain`); `true` if no
   * connection had to be cut.
   */
  stop(): Promise<boolean>;
}

export interface App {
  /** The yoga server; `listen()` serves it through yoga's Node adapter. */
  gateway: Gateway;
  logger: Logger;
  /**
   * What `main.ts` does on SIGHUP: reopens the audit file at its path
   * (logrotate's `postrotate`) and reads the secret files again (they are
   * also watched; the signal is for a filesystem whose changes are not seen).
   */
  reload(): void;
  /** The auth mode, as `mode` in logs and errors. */
  mode: Authorizer["mode"];
  /** Serves on the configured host and port. */
  listen(): Promise<RunningApp>;
}

/** The configured auth mode; jose (about 3.5 MB resident) is loaded only by a gateway that verifies callers. */
async function authorizerFor(
  config: GatewayConfig,
  logger: Logger,
  telemetry: Telemetry,
  budget: UpstreamBudget,
  rotating: RotatingSecrets,
): Promise<Authorizer> {
  if (!config.broker) return passthroughAuthorizer;
  const { createBrokerAuthorizer } = await import("./auth/broker.js");
  return createBrokerAuthorizer(
    config.broker,
    config,
    logger,
    telemetry,
    budget,
    rotating.clientSecret,
  );
}

/**
 * The one Redis connection, and its health, that the caller limits, the
 * upstream budget and token reuse share when `REDIS_URL` is set; ioredis
 * loads only then.
 */
async function sharedStoreFor(
  config: GatewayConfig,
  logger: Logger,
  secrets: SecretRegistry,
): Promise<SharedStore | null> {
  if (!config.redisUrl) return null;
  const { password } = new URL(config.redisUrl);
  secrets.add(password);
  secrets.add(decodeURIComponent(password));
  const { connectSharedStore } = await import("./ops/shared-store.js");
  return connectSharedStore(config.redisUrl, logger);
}

/** What lives between the caller limits and the upstream: the budget and token reuse, in the shared store if there is one. */
function upstreamGuardsFor(
  config: GatewayConfig,
  logger: Logger,
  telemetry: Telemetry,
  store: SharedStore | null,
  rotating: RotatingSecrets,
): { budget: UpstreamBudget; reuse: TokenReuse | null } {
  const { budget: limits, reuse: reuseSettings } = config.upstream;
  const budget = createUpstreamBudget(
    {
      // The operations the upstream publishes a limit for; any other is not
      // counted (its 429 still pauses it).
      limits: { createCustomerToken: limits.mintLimit, createBankToken: limits.tokenLimit },
      windowSeconds: limits.windowSeconds,
    },
    {
      remaining: (operation, left) => telemetry.upstreamBudgetLeft(operation, left),
      refused: (operation) => telemetry.upstreamRateLimited(operation, "local"),
      storeFailed: () => telemetry.sharedStoreFailed("upstream_budget"),
    },
    logger,
    store,
  );
  const reuse =
    reuseSettings &&
    createTokenReuse(
      { minRemainingSeconds: reuseSettings.minRemainingSeconds, key: rotating.cacheKey },
      {
        looked: (result) => telemetry.tokenReuse(result),
        storeFailed: () => telemetry.sharedStoreFailed("token_cache"),
      },
      logger,
      store,
    );
  return { budget, reuse };
}

/** Broker mode's mint limits, unless turned off; rate-limiter-flexible loads only then. */
async function limiterFor(
  config: GatewayConfig,
  logger: Logger,
  telemetry: Telemetry,
  store: SharedStore | null,
): Promise<MintLimiter | null> {
  const settings = config.broker?.rateLimit;
  if (!settings || settings.mintsPerMinute === 0) return null;
  const { createMintLimiter } = await import("./ops/rate-limit.js");
  return createMintLimiter(settings, logger, telemetry, store);
}

/** Metrics (prom-client) and tracing (the OpenTelemetry SDK), each loaded only when configured. */
async function observabilityFor(
  config: GatewayConfig,
  logger: Logger,
): Promise<{
  metrics: GatewayMetrics | null;
  tracing: Tracing | null;
  telemetry: Telemetry;
  plugins: Plugin[];
}> {
  const metrics = config.metrics ? (await import("./ops/metrics.js")).createMetrics() : null;
  const tracing = config.tracing
    ? (await import("./ops/tracing.js")).startTracing(config.idpBaseUrl, {
        logger,
        failed: () => metrics?.telemetry.spanExportFailed(),
      })
    : null;
  const telemetry = combineTelemetry(
    [metrics?.telemetry, tracing?.telemetry].filter((part) => part !== undefined),
  );
  const plugins = tracing ? [tracing.plugin] : [];
  return { metrics, tracing, telemetry, plugins };
}

/** The audit trail `AUDIT_LOG` names: on the log stream, in its own file, or none. */
function auditTrailFor(
  config: GatewayConfig,
  logDestination: pino.DestinationStream | undefined,
  logger: Logger,
): AuditTrail {
  if (!config.audit) return noAuditTrail;
  switch (config.audit.to) {
    case "stdout":
      // stdout written synchronously, as the audit file is: each event is
      // out before its caller has the answer, and no write waits in a
      // buffer or on libuv's thread pool (pino.destination(1) is async).
      return streamAuditTrail(logDestination ?? pino.destination({ dest: 1, sync: true }));
    case "file":
      return fileAuditTrail(config.audit.path, logger);
    default: {
      const unknown: never = config.audit;
      throw new Error(`unknown audit destination ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Builds the whole gateway from its configuration: logger, metrics and
 * tracing, auth mode, rate limits, upstream client, yoga and the HTTP
 * server. The one assembly: `main.ts` and the tests both call it, so tests
 * run the production transport and request path.
 */
export async function buildApp(config: GatewayConfig, options: AppOptions = {}): Promise<App> {
  const secrets = new SecretRegistry();
  if (config.broker) secrets.add(config.broker.clientSecret);
  const logger = createLogger(config.logLevel, options.logDestination, secrets);
  const { metrics, tracing, telemetry, plugins } = await observabilityFor(config, logger);
  const audit = auditTrailFor(config, options.logDestination, logger);
  const rotating = rotatingSecrets(config, logger, secrets);
  const store = await sharedStoreFor(config, logger, secrets);
  const guards = upstreamGuardsFor(config, logger, telemetry, store, rotating);
  const authorizer = await authorizerFor(config, logger, telemetry, guards.budget, rotating);
  const limiter = await limiterFor(config, logger, telemetry, store);
  const bankTokens = authorizer.getToken && observeBankTokens(authorizer.getToken, secrets, logger);
  const getToken: TokenProvider | undefined = bankTokens ? bankTokens.getToken : undefined;
  const idp = createIdpClient({
    baseUrl: config.idpBaseUrl,
    timeoutMs: config.idpTimeoutMs,
    connections: config.idpConnections,
    getToken,
  });
  let draining = false;
  const shutdown = new AbortController();
  const gateway = createYogaServer({
    idp,
    authorizer,
    logger,
    production: config.production,
    shuttingDown: shutdown.signal,
    corsOrigins: config.corsOrigins,
    limiter,
    admission: createAdmission(guards.budget, guards.reuse, telemetry),
    telemetry,
    audit,
    telemetryPlugins: plugins,
    trustedDocuments: config.trustedDocuments,
    readiness: {
      notReadyBecause() {
        if (draining) return "draining";
        if (bankTokens && !bankTokens.hasToken()) return "no_bank_token";
        // A spent budget is not a fault: this replica answers UPSTREAM_RATE_LIMITED at once.
        return null;
      },
      degradedBecause: () => limiter?.degradedBecause() ?? guards.budget.degradedBecause(),
    },
  });
  return {
    gateway,
    logger,
    reload: () => {
      audit.reopen();
      rotating.reread();
    },
    mode: authorizer.mode,
    async listen() {
      const server = await listen(gateway, {
        host: config.host,
        port: config.port,
        limits: config.server,
        logger,
        telemetry,
      });
      let metricsServer: MetricsServer | undefined;
      if (metrics && config.metrics) {
        const { serveMetrics } = await import("./http/metrics-server.js");
        metricsServer = await serveMetrics(
          metrics.registry,
          config.metrics.host,
          config.metrics.port,
          config.server,
          logger,
        );
      }
      let stopped: Promise<boolean> | undefined;
      const stop = async () => {
        draining = true;
        bankTokens?.stop();
        rotating.close();
        const plan = planDrain(config.drainGraceMs, tracing !== null);
        const startedAt = Date.now();
        const last = setTimeout(() => {
          shutdown.abort();
          // Mints still waiting on the upstream end now and are answered SHUTTING_DOWN.
          void idp.close({ abortInFlight: true });
        }, plan.answerAtMs);
        const clean = await server.drain(plan.httpEndsAtMs);
        clearTimeout(last);
        await idp.close();
        store?.close();
        await metricsServer?.close();
        await audit.close();
        await tracing?.shutdown(startedAt + plan.flushEndsAtMs - Date.now());
        return clean;
      };
      return {
        url: server.url,
        ...(metricsServer && { metricsUrl: metricsServer.url }),
        stop: () => {
          stopped ??= stop();
          return stopped;
        },
      };
    },
  };
}
