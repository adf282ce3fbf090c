import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BANK_TOKEN, GUID, mint, post, startRecordingPrism } from "./support/gateway.js";
import { attributeOf, type ReceivedSpan, startOtlpReceiver } from "./support/otlp-receiver.js";
import { runGateway } from "./support/process.js";

const READ = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };
const SERVER = 2;

function tracingEnv(receiverUrl: string): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_BSP_SCHEDULE_DELAY: "50",
  };
}

/** A caller's `traceparent` with a new trace id, sampled (`01`) or not (`00`). */
function callerTrace(flags: "00" | "01") {
  const traceId = randomBytes(16).toString("hex");
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-${flags}` };
}

const servers = (spans: ReceivedSpan[]) => spans.filter((span) => span.kind === SERVER);

describe("tracing against callers (the built process, a real OTLP/HTTP receiver)", () => {
  it("samples by the configured sampler, whatever sampled flag the caller sends", async () => {
    const prism = await startRecordingPrism();
    // Sampler off: 5 callers asking for sampling are not traced…
    const quiet = await startOtlpReceiver();
    const off = await runGateway({
      IDP_BASE_URL: prism.url,
      ...tracingEnv(quiet.url),
      OTEL_TRACES_SAMPLER: "parentbased_always_off",
    }).ready;
    for (let i = 0; i < 5; i++) {
      await mint(off, READ, {
        authorization: BANK_TOKEN,
        traceparent: callerTrace("01").traceparent,
      });
    }
    // …sampler on (the default): a caller asking not to be sampled is traced, in its own trace.
    const loud = await startOtlpReceiver();
    const on = await runGateway({ IDP_BASE_URL: prism.url, ...tracingEnv(loud.url) }).ready;
    const unsampled = callerTrace("00");
    await mint(on, READ, { authorization: BANK_TOKEN, traceparent: unsampled.traceparent });
    const [server] = servers(await loud.waitFor((spans) => servers(spans).length > 0));
    expect(server?.traceId).toBe(unsampled.traceId);
    // By now the first gateway's batches (every 50 ms) would have gone out.
    expect(quiet.spans()).toEqual([]);
  });

  it("bounds what a caller's document puts in a span: a 60 KB operation name", async () => {
    const receiver = await startOtlpReceiver();
    const prism = await startRecordingPrism();
    const gateway = await runGateway({ IDP_BASE_URL: prism.url, ...tracingEnv(receiver.url) })
      .ready;
    const name = `Op${"a".repeat(60_000)}`;
    const query = `mutation ${name}($input: CreateCustomerTokenInput!) { createCustomerToken(input: $input) { accessToken } }`;
    const { status } = await post(gateway, { query, variables: { input: READ } });
    expect(status).toBe(200);
    const [server] = servers(await receiver.waitFor((spans) => servers(spans).length > 0));
    expect(server?.name.length).toBeLessThanOrEqual(200);
    const attribute = String(attributeOf(server as ReceivedSpan, "graphql.operation.name"));
    expect(attribute).toMatch(/^Opaaa/);
    expect(attribute.length).toBeLessThanOrEqual(200);
    expect(receiver.bodies.join("").length).toBeLessThan(10_000);
  });

  it("forwards the caller's trace id upstream, but not its baggage or tracestate", async () => {
    const receiver = await startOtlpReceiver();
    const prism = await startRecordingPrism();
    const gateway = await runGateway({ IDP_BASE_URL: prism.url, ...tracingEnv(receiver.url) })
      .ready;
    const trace = callerTrace("01");
    await mint(gateway, READ, {
      authorization: BANK_TOKEN,
      traceparent: trace.traceparent,
      tracestate: "caller=smuggled-state",
      baggage: "caller.secret=smuggled-baggage",
    });
    const [sent] = prism.sent;
    expect(sent?.headers.get("traceparent")).toContain(trace.traceId);
    expect(sent?.headers.get("tracestate")).toBeNull();
    expect(sent?.headers.get("baggage")).toBeNull();
    await receiver.waitFor((spans) => servers(spans).length > 0);
    expect(receiver.bodies.join("")).not.toContain("smuggled");
  });
});
