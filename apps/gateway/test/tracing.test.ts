import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  BANK_TOKEN_VALUE,
  brokerSettings,
  CLIENT_SECRET,
  useBrokerFixture,
} from "./support/broker-upstream.js";
import { callerToken } from "./support/caller-tokens.js";
import { BANK_TOKEN, GUID, mint, startRecordingPrism } from "./support/gateway.js";
import { attributeOf, type ReceivedSpan, startOtlpReceiver } from "./support/otlp-receiver.js";
import { runGateway } from "./support/process.js";

const SERVER = 2;
const CLIENT = 3;
const READ = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };

/** OTLP/HTTP JSON to `receiver`, exported quickly: the standard variables only. */
function tracingEnv(receiverUrl: string): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_BSP_SCHEDULE_DELAY: "50",
    OTEL_SERVICE_NAME: "tokengate-test",
  };
}

/** A caller's W3C trace context: a new trace id and parent span id. */
function incomingTrace() {
  const traceId = randomBytes(16).toString("hex");
  const spanId = randomBytes(8).toString("hex");
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

const named = (spans: ReceivedSpan[], name: string) => spans.filter((span) => span.name === name);

const broker = useBrokerFixture();

describe("OpenTelemetry tracing (the built process, a real OTLP/HTTP receiver)", () => {
  it("continues the caller's trace: a server span per operation, a client span per upstream call, traceparent sent upstream, no secret", async () => {
    const receiver = await startOtlpReceiver();
    const gateway = await runGateway({
      ...brokerSettings(broker.upstream.url, `${broker.jwks.url}/broker.jwks.json`),
      ...tracingEnv(receiver.url),
    }).ready;
    const token = await callerToken(broker.key, { sub: "user-traced", customer_guid: GUID });
    const trace = incomingTrace();
    const { body } = await mint(gateway, READ, {
      authorization: `Bearer ${token}`,
      traceparent: trace.traceparent,
    });
    const minted = body.data?.createCustomerToken?.accessToken as string;
    expect(minted).toMatch(/^minted\./);

    const spans = await receiver.waitFor(
      (received) =>
        named(received, "mutation Mint").length > 0 &&
        named(received, "POST /oauth/token").length > 0,
    );
    const [server] = named(spans, "mutation Mint") as [ReceivedSpan];
    expect(server).toMatchObject({
      kind: SERVER,
      traceId: trace.traceId,
      parentSpanId: trace.spanId,
    });
    expect(attributeOf(server, "graphql.operation.type")).toBe("mutation");
    expect(attributeOf(server, "graphql.operation.name")).toBe("Mint");

    const [call] = named(spans, "POST /api/customer_tokens") as [ReceivedSpan];
    expect(call).toMatchObject({
      kind: CLIENT,
      traceId: trace.traceId,
      parentSpanId: server.spanId,
    });
    expect(attributeOf(call, "http.response.status_code")).toBe(201);
    const sent = broker.upstream.requests.find((request) => request.url === "/api/customer_tokens");
    expect(sent?.headers.traceparent).toBe(`00-${trace.traceId}-${call.spanId}-01`);

    // The first bank token is fetched at start, before any request: a trace of its own.
    const [bankToken] = named(spans, "POST /oauth/token") as [ReceivedSpan];
    expect(bankToken.kind).toBe(CLIENT);
    expect(attributeOf(bankToken, "tokengate.upstream.operation")).toBe("createBankToken");
    const tokenRequest = broker.upstream.requests.find((request) => request.url === "/oauth/token");
    expect(tokenRequest?.headers.traceparent).toBe(
      `00-${bankToken.traceId}-${bankToken.spanId}-01`,
    );

    const exported = receiver.bodies.join("\n");
    expect(exported).toContain('"tokengate-test"');
    for (const secret of [token, minted, BANK_TOKEN_VALUE, CLIENT_SECRET, "user-traced"]) {
      expect(exported).not.toContain(secret);
    }
  });

  it("marks an operation whose mint failed with the error code, and a refused upstream call", async () => {
    const receiver = await startOtlpReceiver();
    const prism = await startRecordingPrism("code=422");
    const gateway = await runGateway({ IDP_BASE_URL: prism.url, ...tracingEnv(receiver.url) })
      .ready;
    const { body } = await mint(gateway, READ);
    const code = body.errors?.[0]?.extensions?.code;
    expect(code).toBeDefined();
    const spans = await receiver.waitFor((received) => named(received, "mutation Mint").length > 0);
    const [server] = named(spans, "mutation Mint") as [ReceivedSpan];
    expect(server.status?.code).toBe(2);
    expect(attributeOf(server, "tokengate.error_codes")).toEqual({
      values: [{ stringValue: code }],
    });
    const [call] = named(spans, "POST /api/customer_tokens") as [ReceivedSpan];
    expect(call.parentSpanId).toBe(server.spanId);
    expect(attributeOf(call, "http.response.status_code")).toBe(422);
    expect(call.status?.code).toBe(2);
    // Passthrough: the caller's own bank token is forwarded, never recorded.
    expect(receiver.bodies.join("\n")).not.toContain(BANK_TOKEN.slice("Bearer ".length));
  });

  it("is off without OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_TRACES_EXPORTER", async () => {
    const receiver = await startOtlpReceiver();
    const prism = await startRecordingPrism();
    const gateway = await runGateway({ IDP_BASE_URL: prism.url, OTEL_BSP_SCHEDULE_DELAY: "50" })
      .ready;
    expect(gateway.output()).toMatch(/"tracing":false/);
    const trace = incomingTrace();
    await mint(gateway, READ, { authorization: BANK_TOKEN, traceparent: trace.traceparent });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.bodies).toEqual([]);
    expect(prism.sent[0]?.headers.get("traceparent")).toBeNull();
  });
});
