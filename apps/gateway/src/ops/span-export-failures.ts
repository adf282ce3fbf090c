import type { Logger } from "pino";
import { throttledWarning } from "../core/throttled-warning.js";

/** What a failed export's log line may say about it: bounded values only. */
export interface ExportFailure {
  /** The collector's HTTP status, when it answered one. */
  status?: number;
  /** The network error's code (`ECONNREFUSED`…), when it did not answer. */
  code?: string;
}

const ERRNO_CODE = /^E[A-Z]{2,20}$/;

/**
 * The bounded facts of an error the OpenTelemetry SDK reports, never its
 * text: an OTLP error carries the collector's answer, which may quote the
 * request's headers (`OTEL_EXPORTER_OTLP_HEADERS`, often a credential).
 */
export function exportFailureOf(error: unknown): ExportFailure {
  if (typeof error !== "object" || error === null || !("code" in error)) return {};
  const { code } = error;
  if (typeof code === "number" && Number.isInteger(code) && code >= 100 && code <= 599)
    return { status: code };
  if (typeof code === "string" && ERRNO_CODE.test(code)) return { code };
  return {};
}

/**
 * Makes failed span exports visible: each is counted (`counted`, the
 * `tokengate_span_exports_failed_total` metric) and logged at `warn`, at
 * most once per interval with the count of those suppressed, so a collector
 * that is down cannot flood the logs.
 */
export function reportSpanExportFailures(
  logger: Logger,
  counted: () => void,
): (error: unknown) => void {
  const warn = throttledWarning(logger, "span export failed; the spans are lost");
  return (error) => {
    counted();
    warn({ ...exportFailureOf(error) });
  };
}
