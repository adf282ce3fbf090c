import { resolveBaseUrl } from "@tokengate/idp-client";
import pino from "pino";
import { type BrokerConfig, loadBrokerConfig } from "./broker-config.js";
import { integerSetting } from "./env.js";
import { requireSecureUrl } from "./secure-url.js";

/** `CORS_ORIGINS`: exact origins (`https://app.example`), comma or space separated. */
function corsOriginsFrom(text: string | undefined, problems: string[]): string[] {
  const origins = (text ?? "").split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (parsed?.origin !== origin) {
      problems.push(
        `CORS_ORIGINS must list origins like https://app.example; got ${JSON.stringify(origin)}`,
      );
    }
  }
  return origins;
}

export interface GatewayConfig {
  port: number;
  host: string;
  /** The upstream origin; `sandbox`/`production` resolved to their URLs. */
  idpBaseUrl: string;
  idpTimeoutMs: number;
  /** `NODE_ENV=production`: GraphiQL and introspection off. */
  production: boolean;
  logLevel: pino.LevelWithSilent;
  /** Token-broker settings, or `null` for passthrough mode. */
  broker: BrokerConfig | null;
  /** Bounds on what one client can hold open on the HTTP server. */
  server: ServerLimits;
  /** Time from SIGTERM to exit; requests still waiting near its end get `SHUTTING_DOWN`. */
  drainGraceMs: number;
  /** Origins allowed to call from a browser (CORS); none by default, never with credentials. */
  corsOrigins: string[];
  /** Where `GET /metrics` is served (`METRICS_PORT`, `METRICS_HOST`); `null`: no metrics. */
  metrics: { host: string; port: number } | null;
  /**
   * OpenTelemetry tracing is on: `OTEL_EXPORTER_OTLP_ENDPOINT`,
   * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_TRACES_EXPORTER` is set (and
   * not `none`, and `OTEL_SDK_DISABLED` is not `true`). The SDK reads the
   * `OTEL_*` variables themselves from the process environment.
   */
  tracing: boolean;
}

/** The standard switches of the OpenTelemetry SDK's environment configuration. */
function tracingOn(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  if (env.OTEL_TRACES_EXPORTER?.trim() === "none") return false;
  return Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT ||
      env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
      env.OTEL_TRACES_EXPORTER,
  );
}

function metricsFrom(
  env: NodeJS.ProcessEnv,
  port: number,
  problems: string[],
): GatewayConfig["metrics"] {
  if (!env.METRICS_PORT) {
    if (env.METRICS_HOST) problems.push("METRICS_HOST needs METRICS_PORT");
    return null;
  }
  const metricsPort = integerSetting(env, "METRICS_PORT", 0, 0, 65_535, problems);
  if (metricsPort !== 0 && metricsPort === port)
    problems.push("METRICS_PORT must differ from PORT: metrics are never served to callers");
  return { host: env.METRICS_HOST || "127.0.0.1", port: metricsPort };
}

export interface ServerLimits {
  /** A client must send its request headers within this time (slow-header clients). */
  headersTimeoutMs: number;
  /** A client must send its whole request within this time (slow-body clients). */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this time. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this many are refused. */
  maxConnections: number;
}

export type ConfigResult =
  /** `warnings`: accepted settings the operator should fix (logged at start). */
  { ok: true; config: GatewayConfig; warnings: string[] } | { ok: false; problems: string[] };

/**
 * Reads the gateway's settings from the environment and reports every
 * problem at once. `IDP_BASE_URL` has no default, so the gateway never
 * points at a mock (or at production) unless told to.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const port = integerSetting(env, "PORT", 4000, 0, 65_535, problems);
  const idpTimeoutMs = integerSetting(env, "IDP_TIMEOUT_MS", 10_000, 1, 600_000, problems);

  let idpBaseUrl = "";
  if (!env.IDP_BASE_URL) {
    problems.push(
      'IDP_BASE_URL is required: "sandbox", "production" or the URL of the upstream (or a mock)',
    );
  } else {
    try {
      idpBaseUrl = resolveBaseUrl(env.IDP_BASE_URL);
      // Bank tokens travel to it, in both modes.
      if (!requireSecureUrl(idpBaseUrl, "IDP_BASE_URL", problems)) idpBaseUrl = "";
    } catch (error) {
      problems.push(`IDP_BASE_URL: ${(error as Error).message}`);
    }
  }
  const server: ServerLimits = {
    headersTimeoutMs: integerSetting(
      env,
      "SERVER_HEADERS_TIMEOUT_MS",
      10_000,
      1,
      600_000,
      problems,
    ),
    requestTimeoutMs: integerSetting(
      env,
      "SERVER_REQUEST_TIMEOUT_MS",
      15_000,
      1,
      600_000,
      problems,
    ),
    keepAliveTimeoutMs: integerSetting(
      env,
      "SERVER_KEEP_ALIVE_TIMEOUT_MS",
      5_000,
      1,
      600_000,
      problems,
    ),
    maxConnections: integerSetting(env, "SERVER_MAX_CONNECTIONS", 1_000, 1, 1_000_000, problems),
  };
  if (server.headersTimeoutMs > server.requestTimeoutMs) {
    problems.push("SERVER_HEADERS_TIMEOUT_MS must not exceed SERVER_REQUEST_TIMEOUT_MS");
  }
  const drainGraceMs = integerSetting(env, "DRAIN_GRACE_MS", 9_000, 100, 600_000, problems);
  const corsOrigins = corsOriginsFrom(env.CORS_ORIGINS, problems);
  const metrics = metricsFrom(env, port, problems);

  const levels = [...Object.keys(pino.levels.values), "silent"];
  const logLevel = (env.LOG_LEVEL || "info") as pino.LevelWithSilent;
  if (!levels.includes(logLevel))
    problems.push(
      `LOG_LEVEL must be one of ${levels.join(", ")}; got ${JSON.stringify(env.LOG_LEVEL)}`,
    );

  const broker = loadBrokerConfig(env, problems, warnings);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    warnings,
    config: {
      port,
      host: env.HOST || "127.0.0.1",
      idpBaseUrl,
      idpTimeoutMs,
      // `Production` or ` production ` must not turn GraphiQL and introspection on.
      production: env.NODE_ENV?.trim().toLowerCase() === "production",
      logLevel,
      broker,
      server,
      drainGraceMs,
      corsOrigins,
      metrics,
      tracing: tracingOn(env),
    },
  };
}
