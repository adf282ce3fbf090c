import type { Plugin } from "graphql-yoga";
import type { Gauge } from "prom-client";

/**
 * Counts the requests being answered in `inFlight`: up when yoga takes a
 * request, down when its answer is made (every answer, early refusals and
 * callers that hung up included). The mint counters are kept where mints
 * end (`mint.ts`), the upstream timings where the calls are made.
 */
export function useMetrics(inFlight: Gauge): Plugin {
  return {
    onRequest() {
      inFlight.inc();
    },
    onResponse() {
      inFlight.dec();
    },
  };
}
