import { resolveBaseUrl } from "@tokengate/idp-client";
import pino from "pino";
import { type BrokerConfig, loadBrokerConfig } from "./broker-config.js";
import { integerSetting } from "./env.js";

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
}

export type ConfigResult = { ok: true; config: GatewayConfig } | { ok: false; problems: string[] };

/**
 * Reads the gateway's settings from the environment and reports every
 * problem at once. `IDP_BASE_URL` has no default, so the gateway never
 * points at a mock (or at production) unless told to.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const problems: string[] = [];
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
    } catch (error) {
      problems.push(`IDP_BASE_URL: ${(error as Error).message}`);
    }
  }

  const levels = [...Object.keys(pino.levels.values), "silent"];
  const logLevel = (env.LOG_LEVEL || "info") as pino.LevelWithSilent;
  if (!levels.includes(logLevel))
    problems.push(
      `LOG_LEVEL must be one of ${levels.join(", ")}; got ${JSON.stringify(env.LOG_LEVEL)}`,
    );

  const broker = loadBrokerConfig(env, idpBaseUrl, problems);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      port,
      host: env.HOST || "127.0.0.1",
      idpBaseUrl,
      idpTimeoutMs,
      production: env.NODE_ENV === "production",
      logLevel,
      broker,
    },
  };
}
