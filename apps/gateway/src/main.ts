/**
 * The deployable entry: `node dist/main.js`. Reads the environment, serves
 * the gateway, and drains on SIGTERM/SIGINT. Everything else lives elsewhere.
 */
import { clientCredentials, createIdpClient } from "@tokengate/idp-client";
import { passthroughAuthorizer } from "./auth/authorizer.js";
import { loadConfig } from "./config.js";
import { createLogger, stdoutLogs } from "./logger.js";
import { listen } from "./server.js";
import { createGateway } from "./yoga.js";

/** In-flight requests get this long to finish; the upstream timeout is the usual bound. */
const DRAIN_GRACE_MS = 9_000;

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  console.error(`tokengate gateway: invalid configuration\n- ${loaded.problems.join("\n- ")}`);
  process.exit(1);
}
const { config } = loaded;
const logs = stdoutLogs();
const logger = createLogger(config.logLevel, logs.stream);
const { broker } = config;
// Broker mode: the gateway authenticates upstream with its own bank token.
const getToken = broker
  ? clientCredentials({
      baseUrl: config.idpBaseUrl,
      clientId: broker.clientId,
      clientSecret: broker.clientSecret,
      scopes: broker.tokenScopes,
      timeoutMs: config.idpTimeoutMs,
    })
  : undefined;
const idp = createIdpClient({
  baseUrl: config.idpBaseUrl,
  timeoutMs: config.idpTimeoutMs,
  getToken,
});
// jose (about 3.5 MB resident) is loaded only by a gateway that verifies callers.
const authorizer = broker
  ? (await import("./auth/broker.js")).createBrokerAuthorizer(broker.auth)
  : passthroughAuthorizer;
const gateway = createGateway({ idp, authorizer, logger, production: config.production });

const running = await listen(gateway, config.host, config.port, logger).catch(
  async (error: Error) => {
    logger.fatal({ err: error }, "could not listen");
    await logs.endBeforeExit(1_000);
    process.exit(1);
  },
);
logger.info(
  {
    url: `${running.url}/graphql`,
    upstream: config.idpBaseUrl,
    mode: authorizer.mode,
    production: config.production,
  },
  "tokengate gateway ready",
);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "draining");
    void running.drain(DRAIN_GRACE_MS).then(async (clean) => {
      await idp.close();
      logger.info({ clean }, "stopped");
      await logs.endBeforeExit(1_000);
      process.exit(clean ? 0 : 1);
    });
  });
}
