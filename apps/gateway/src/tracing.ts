import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { NodeSDK, resources } from "@opentelemetry/sdk-node";
import type { Plugin } from "graphql-yoga";
import { useTracing } from "./plugins/use-tracing.js";
import { noTelemetry, type Telemetry, type UpstreamOperation } from "./telemetry.js";

/** Each upstream operation's request line, as its client span's name. */
const ROUTES: Record<UpstreamOperation, { method: string; path: string }> = {
  create_customer_token: { method: "POST", path: "/api/customer_tokens" },
  bank_token: { method: "POST", path: "/oauth/token" },
};

export interface Tracing {
  /** Client spans for the upstream calls, and `traceparent` for their headers. */
  telemetry: Telemetry;
  /** The server span per GraphQL operation. */
  plugin: Plugin;
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

function clientSpans(tracer: Tracer, upstream: URL): Telemetry["upstreamCall"] {
  const port = Number(upstream.port || (upstream.protocol === "https:" ? 443 : 80));
  return (operation) => {
    const { method, path } = ROUTES[operation];
    const span = tracer.startSpan(`${method} ${path}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        "http.request.method": method,
        "server.address": upstream.hostname,
        "server.port": port,
        "url.full": new URL(path, upstream).href,
        "tokengate.upstream.operation": operation,
      },
    });
    const headers: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), headers);
    return {
      headers,
      end(status) {
        if (status !== undefined) span.setAttribute("http.response.status_code", status);
        if (status === undefined || status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  };
}

/**
 * Starts the OpenTelemetry SDK for traces only, configured by the standard
 * `OTEL_*` environment variables (exporter, endpoint, protocol including
 * `http/json`, headers, sampler, propagators, service name and resource
 * attributes). Prometheus serves the metrics, so the SDK's own metrics and
 * logs stay off. Nothing is instrumented automatically: the spans are the
 * gateway's own, made where it knows what a call is.
 */
export function startTracing(idpBaseUrl: string): Tracing {
  const sdk = new NodeSDK({
    resource: resources
      .defaultResource()
      .merge(resources.resourceFromAttributes({ "service.name": "tokengate-gateway" })),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [],
  });
  sdk.start();
  const tracer = trace.getTracer("tokengate-gateway");
  return {
    telemetry: {
      ...noTelemetry,
      upstreamCall: clientSpans(tracer, new URL(idpBaseUrl)),
      // On the operation's server span; with several mints in one document, the last one's.
      mintReused: (reused) => trace.getActiveSpan()?.setAttribute("tokengate.mint.reused", reused),
    },
    plugin: useTracing(tracer),
    shutdown: () => sdk.shutdown(),
  };
}
