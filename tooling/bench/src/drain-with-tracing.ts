/**
 * SIGTERM to exit of the built gateway with tracing on, at the default
 * drain budget (DRAIN_GRACE_MS=9000): 3 mints waiting on a silent
 * upstream, spans buffered for a collector that takes them and never
 * answers, or one that is down. Prints the seconds per case.
 *
 *   pnpm --filter @tokengate/bench exec tsx src/drain-with-tracing.ts
 */
import { spawn } from "node:child_process";
import { freePort, startFaultServer } from "@tokengate/testkit";
import { gatewayCommand } from "./gateway-command.js";

const GATEWAY = gatewayCommand();
const BUDGET_MS = 9_000;
const MINT =
  'mutation { createCustomerToken(input: { customerGuid: "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4", scopes: [CUSTOMERS_READ] }) { accessToken } }';

async function drainSeconds(collector: string): Promise<number> {
  const upstream = await startFaultServer(() => undefined);
  const child = spawn(process.execPath, GATEWAY.args, {
    cwd: GATEWAY.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: "0",
      IDP_BASE_URL: upstream.url,
      IDP_TIMEOUT_MS: "40000",
      DRAIN_GRACE_MS: String(BUDGET_MS),
      OTEL_EXPORTER_OTLP_ENDPOINT: collector,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "60000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const url = await new Promise<string>((resolve) =>
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = output.match(/"url":"(http:\/\/[^"]+)\/graphql"/);
      if (match?.[1]) resolve(match[1]);
    }),
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  for (let i = 0; i < 3; i++)
    void fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer bank-token-abc123" },
      body: JSON.stringify({ query: MINT }),
    }).then((response) => response.text());
  while (upstream.requests.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
  const stoppedAt = performance.now();
  child.kill("SIGTERM");
  await exited;
  await upstream.close();
  return (performance.now() - stoppedAt) / 1_000;
}

const hanging = await startFaultServer(() => undefined);
const results = {
  "collector hangs": await drainSeconds(hanging.url),
  "collector down": await drainSeconds(`http://127.0.0.1:${await freePort("127.0.0.1")}`),
};
await hanging.close();
for (const [name, seconds] of Object.entries(results))
  console.log(
    `${name}: ${seconds.toFixed(2)} s from SIGTERM to exit (budget ${BUDGET_MS / 1_000} s)`,
  );
