/**
 * The deployable entry: `node dist/main.js`. Reads the environment, builds
 * and serves the gateway, drains on SIGTERM/SIGINT, and on SIGHUP reopens
 * the audit file (logrotate's `postrotate`) and reads the secret files again.
 */
import { buildApp } from "./app.js";
import { loadConfig } from "./config/load-config.js";
import { stdoutLogs } from "./ops/logger.js";

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  console.error(`tokengate gateway: invalid configuration\n- ${loaded.problems.join("\n- ")}`);
  process.exit(1);
}
const { config } = loaded;
const logs = stdoutLogs();
const app = await buildApp(config, { logDestination: logs.stream });
const { logger } = app;
for (const warning of loaded.warnings) logger.warn(warning);

const running = await app.listen().catch(async (error: Error) => {
  logger.fatal({ err: error }, "could not listen");
  await logs.endBeforeExit(1_000);
  process.exit(1);
});
logger.info(
  {
    url: `${running.url}/graphql`,
    ...(running.metricsUrl && { metrics: `${running.metricsUrl}/metrics` }),
    tracing: config.tracing,
    upstream: config.idpBaseUrl,
    mode: app.mode,
    trustedDocuments: config.trustedDocuments,
    production: config.production,
  },
  "tokengate gateway ready",
);

process.on("SIGHUP", () => {
  app.reload();
  logger.info("SIGHUP: reopened the audit file, read the secret files again");
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const exitBy = Date.now() + config.drainGraceMs;
    logger.info({ signal }, "draining");
    void running.stop().then(async (clean) => {
      logger.info({ clean }, "stopped");
      // At most a second (a stuck log reader must not hold the exit), and never past the drain budget.
      await logs.endBeforeExit(Math.min(1_000, Math.max(0, exitBy - Date.now())));
      process.exit(clean ? 0 : 1);
    });
  });
}
