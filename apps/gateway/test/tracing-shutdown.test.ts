import { type FaultServer, freePort, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BANK_TOKEN, GUID, mint } from "./support/gateway.js";
import { runGateway } from "./support/process.js";

const DRAIN_GRACE_MS = 3_000;
const READ = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };

let silentUpstream: FaultServer;
let hangingReceiver: FaultServer;
beforeAll(async () => {
  silentUpstream = await startFaultServer(() => undefined);
  // Takes every export and never answers: a collector that is stuck.
  hangingReceiver = await startFaultServer(() => undefined);
});
afterAll(async () => {
  await silentUpstream.close();
  await hangingReceiver.close();
});

/** Where the spans go: a receiver that takes them and hangs, or a port nothing listens on. */
const RECEIVERS: [string, () => Promise<{ url: string; exports(): number }>][] = [
  [
    "hangs",
    async () => ({
      url: hangingReceiver.url,
      exports: () =>
        hangingReceiver.requests.filter((request) => request.url === "/v1/traces").length,
    }),
  ],
  [
    "is down",
    async () => ({ url: `http://127.0.0.1:${await freePort("127.0.0.1")}`, exports: () => 0 }),
  ],
];

describe("shutdown with tracing on (the built process, a real OTLP/HTTP receiver)", () => {
  it.each(RECEIVERS)(
    "exits within DRAIN_GRACE_MS while the span receiver %s, the waiting mints answered SHUTTING_DOWN",
    async (receiverState, receiverOf) => {
      const receiver = await receiverOf();
      const gateway = await runGateway({
        IDP_BASE_URL: silentUpstream.url,
        IDP_TIMEOUT_MS: "40000",
        DRAIN_GRACE_MS: String(DRAIN_GRACE_MS),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        // Spans stay buffered until shutdown flushes them.
        OTEL_BSP_SCHEDULE_DELAY: "60000",
      }).ready;
      const before = silentUpstream.requests.length;
      const inFlight = Array.from({ length: 3 }, () =>
        mint(gateway, READ, { authorization: BANK_TOKEN }),
      );
      while (silentUpstream.requests.length - before < 3)
        await new Promise((resolve) => setTimeout(resolve, 10));
      const stoppedAt = Date.now();
      gateway.child.kill("SIGTERM");
      const answers = await Promise.all(inFlight);
      expect(answers.map((answer) => answer.body.errors?.[0]?.extensions?.code)).toEqual(
        Array(3).fill("SHUTTING_DOWN"),
      );
      const exitCode = await gateway.exit;
      const tookMs = Date.now() - stoppedAt;
      expect(exitCode).toBe(0);
      expect(tookMs).toBeLessThan(DRAIN_GRACE_MS);
      // The flush was really attempted (and left hanging) at shutdown.
      if (receiverState === "hangs") expect(receiver.exports()).toBeGreaterThan(0);
    },
  );
});
