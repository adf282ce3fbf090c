import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

/** One span as OTLP/HTTP JSON carries it (ids in hex). */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** 2 = server, 3 = client. */
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
  status?: { code?: number; message?: string };
}

export interface OtlpReceiver {
  /** Base URL for `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  url: string;
  /** Every span received so far. */
  spans(): ReceivedSpan[];
  /** Every request body received, raw, to search for what must not be there. */
  bodies: string[];
  /** Resolves once `match` holds for the spans received. */
  waitFor(match: (spans: ReceivedSpan[]) => boolean, timeoutMs?: number): Promise<ReceivedSpan[]>;
}

interface ExportRequest {
  resourceSpans?: { scopeSpans?: { spans?: ReceivedSpan[] }[] }[];
}

/**
 * A real OTLP/HTTP receiver on a free loopback port: collects the JSON
 * posts to `/v1/traces` (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`) and
 * answers each as a collector does. Closed after the file's tests.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const bodies: string[] = [];
  const received: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      if (request.method !== "POST" || request.url !== "/v1/traces") {
        response.writeHead(404).end();
        return;
      }
      bodies.push(body);
      const parsed = JSON.parse(body) as ExportRequest;
      for (const resource of parsed.resourceSpans ?? []) {
        for (const scope of resource.scopeSpans ?? []) received.push(...(scope.spans ?? []));
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => [...received],
    bodies,
    async waitFor(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!match(received)) {
        if (Date.now() > deadline) {
          throw new Error(`spans not received in time; got ${received.map((s) => s.name)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return [...received];
    },
  };
}

/** A span's attribute, whatever its OTLP value type. */
export function attributeOf(span: ReceivedSpan, key: string): unknown {
  const value = span.attributes.find((attribute) => attribute.key === key)?.value;
  return value && Object.values(value)[0];
}
