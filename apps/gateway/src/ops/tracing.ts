import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { core, NodeSDK, resources, tracing } from "@opentelemetry/sdk-node";
import { OPERATIONS } from "@tokengate/idp-client";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import { LIMITS } from "../config/limits.js";
import { reportSpanExportFailures } from "./span-export-failures.js";
import { noTelemetry, type Telemetry, type UpstreamOperation } from "./telemetry.js";
import { useTracing } from "./use-tracing.js";

/** Each upstream operation's request line (the spec's path template), as its client span's name. */
const ROUTES: Record<UpstreamOperation, { method: string; path: string }> = {
  ...OPERATIONS,
  createBankToken: { method: "POST", path: "/oauth/token" },
};

export interface Tracing {
  /** Client spans for the upstream calls, and `traceparent` for their headers. */
  telemetry: Telemetry;
  /** The server span per GraphQL operation. */
  plugin: Plugin;
  /**
   * Exports the spans still buffered, then stops; gives up after
   * `withinMs`, so a collector that hangs or is down cannot hold the exit
   * past the drain budget (the spans left are counted as a failed export).
   */
  shutdown(withinMs: number): Promise<void>;
}

/** Where the tracing SDK reports what goes wrong with its exports. */
export interface ExportWatch {
  logger: Logger;
  /** Counts one failed export (the metric). */
  failed(): void;
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
        if (status === "cancelled") {
          span.setStatus({ code: SpanStatusCode.ERROR, message: "cancelled by the caller" });
        } else {
          if (status !== undefined) span.setAttribute("http.response.status_code", status);
          if (status === undefined || status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      },
    };
  };
}

/** No attribute of a span grows with what a caller sends, whatever the code above sets. */
const SPAN_LIMITS = {
  attributeValueLengthLimit: LIMITS.MAX_SPAN_ATTRIBUTE_CHARS.value,
  attributeCountLimit: LIMITS.MAX_SPAN_ATTRIBUTES.value,
};

/** The root sampler `OTEL_TRACES_SAMPLER` names (with or without `parentbased_`); an unknown name samples all. */
function configuredSampler(env: NodeJS.ProcessEnv): tracing.Sampler {
  const name = (env.OTEL_TRACES_SAMPLER ?? "")
    .trim()
    .toLowerCase()
    .replace(/^parentbased_/, "");
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG ?? "1");
  switch (name) {
    case "always_off":
      return new tracing.AlwaysOffSampler();
    case "traceidratio":
      return new tracing.TraceIdRatioBasedSampler(ratio >= 0 && ratio <= 1 ? ratio : 1);
    default:
      return new tracing.AlwaysOnSampler();
  }
}

/**
 * The configured sampler decides for every trace that enters from a
 * caller: a remote parent's sampled flag is the caller's word, and would
 * let any caller switch tracing on (cost) or off (blind spots). Spans
 * inside the gateway follow their local parent as usual.
 */
function callerBlindSampler(env: NodeJS.ProcessEnv): tracing.Sampler {
  const root = configuredSampler(env);
  return new tracing.ParentBasedSampler({
    root,
    remoteParentSampled: root,
    remoteParentNotSampled: root,
  });
}

/** `sdk.shutdown()` (a last flush, then stop), given up after `withinMs`. */
async function flushWithin(
  sdk: NodeSDK,
  withinMs: number,
  exportFailed: (error: unknown) => void,
  watch: ExportWatch,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<"out of time">((resolve) => {
    timer = setTimeout(() => resolve("out of time"), Math.max(0, withinMs));
    timer.unref();
  });
  const flushed = sdk.shutdown().then(
    () => "flushed" as const,
    (error: unknown) => {
      exportFailed(error);
      return "failed" as const;
    },
  );
  const result = await Promise.race([flushed, outOfTime]);
  clearTimeout(timer);
  if (result === "out of time") {
    watch.failed();
    // Not throttled: the last word of this process on its spans.
    watch.logger.warn({ withinMs }, "span flush at exit ran out of time; the spans left are lost");
  }
}

/**
 * Starts the OpenTelemetry SDK for traces only, configured by the standard
 * `OTEL_*` environment variables (exporter, endpoint, protocol including
 * `http/json`, headers, batch queue sizes, service name and resource
 * attributes), except that the sampler (`OTEL_TRACES_SAMPLER`:
 * `always_on`, `always_off`, `traceidratio`, each also as `parentbased_…`)
 * is not overruled by a caller's sampled flag, and span attributes are
 * bounded (`SPAN_LIMITS`). Prometheus serves the metrics, so the SDK's own metrics and
 * logs stay off. Nothing is instrumented automatically: the spans are the
 * gateway's own, made where it knows what a call is.
 */
export function startTracing(idpBaseUrl: string, watch: ExportWatch): Tracing {
  const exportFailed = reportSpanExportFailures(watch.logger, watch.failed);
  // The SDK hands every failed export (refused, unreachable, timed out) to
  // its global error handler, which by default tells only its silent diag logger.
  core.setGlobalErrorHandler(exportFailed);
  const sdk = new NodeSDK({
    sampler: callerBlindSampler(process.env),
    spanLimits: SPAN_LIMITS,
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
      answerReused: (reused) =>
        trace.getActiveSpan()?.setAttribute("tokengate.mint.reused", reused),
    },
    plugin: useTracing(tracer),
    shutdown: (withinMs) => flushWithin(sdk, withinMs, exportFailed, watch),
  };
}
