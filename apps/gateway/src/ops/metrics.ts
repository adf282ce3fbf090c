import { OPERATIONS } from "@tokengate/idp-client";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { GATEWAY_ERROR_CODES } from "../core/error-codes.js";
import type { OperationId } from "../core/operation-id.js";
import {
  CONNECTION_REFUSALS,
  type Telemetry,
  type UpstreamEnd,
  type UpstreamOperation,
} from "./telemetry.js";

/** The gateway's Prometheus metrics and the registry that serves them. */
export interface GatewayMetrics {
  registry: Registry;
  telemetry: Telemetry;
}

/** `201` → `2xx`; no answer → `none`; the caller hung up → `cancelled`. */
function statusClass(status: UpstreamEnd): string {
  if (status === undefined) return "none";
  if (status === "cancelled") return status;
  return `${Math.floor(status / 100)}xx`;
}

/** The operations the gateway exposes, by operationId: each a label value of its own. */
const OPERATION_IDS = Object.keys(OPERATIONS) as OperationId[];
const UPSTREAM_OPERATIONS: readonly UpstreamOperation[] = [...OPERATION_IDS, "createBankToken"];

/**
 * The metrics, in a registry of their own with Node's default process
 * metrics. Every label value comes from a closed set (codes, operations,
 * status classes), so no series can carry a guid, a token or a caller.
 */
export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Gauges named like counters, which promtool rejects; each is the sum of
  // its by-type sibling (`nodejs_active_handles{type}`…), which stays.
  for (const name of [
    "nodejs_active_handles_total",
    "nodejs_active_requests_total",
    "nodejs_active_resources_total",
  ]) {
    registry.removeSingleMetric(name);
  }
  const operations = new Counter({
    name: "tokengate_operations_total",
    help: "Operations the gateway finished, by operationId and outcome: ok, the extensions.code the caller got, or cancelled (the caller hung up first).",
    labelNames: ["operation", "outcome"],
    registers: [registry],
  });
  const upstream = new Histogram({
    name: "tokengate_upstream_request_duration_seconds",
    help: "Time of each upstream call, its retry included, by operation and HTTP status class (none: no answer; cancelled: its caller hung up).",
    labelNames: ["operation", "status_class"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const refreshes = new Counter({
    name: "tokengate_bank_token_refreshes_total",
    help: "Bank-token fetches from the token endpoint (broker mode), by result.",
    labelNames: ["result"],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "tokengate_rate_limited_total",
    help: "Operations refused with RATE_LIMITED (broker mode).",
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: "tokengate_rate_limit_store_errors_total",
    help: "Rate-limit checks the shared store (Redis) failed, answered from this replica's own counters instead.",
    registers: [registry],
  });
  const budgetLeft = new Gauge({
    name: "tokengate_upstream_budget_remaining",
    help: "Upstream calls the budget still allows in its current window, by operation (as last decided on this replica).",
    labelNames: ["operation"],
    registers: [registry],
  });
  const upstreamLimited = new Counter({
    name: "tokengate_upstream_rate_limited_total",
    help: "Upstream calls refused for the upstream's rate, by operation and source: local (the budget, nothing sent) or upstream (a 429).",
    labelNames: ["operation", "source"],
    registers: [registry],
  });
  const reuse = new Counter({
    name: "tokengate_token_reuse_total",
    help: "Mints by how their token came: hit (reused from the cache), shared (an identical mint in flight), miss (minted).",
    labelNames: ["result"],
    registers: [registry],
  });
  const sharedStoreErrors = new Counter({
    name: "tokengate_shared_store_errors_total",
    help: "Operations a shared store (Redis) failed, by store; the replica went on without it.",
    labelNames: ["store"],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: "tokengate_http_requests_in_flight",
    help: "HTTP requests the gateway is answering right now.",
    registers: [registry],
  });
  const refusedConnections = new Counter({
    name: "tokengate_connections_refused_total",
    help: "New connections closed at once, by reason: capacity (every connection busy) or per_address (its address had its share).",
    labelNames: ["reason"],
    registers: [registry],
  });
  const spanExportsFailed = new Counter({
    name: "tokengate_span_exports_failed_total",
    help: "Span exports the OpenTelemetry SDK reported failed (the collector refused, was unreachable or too slow, or the flush at exit ran out of time); their spans are lost.",
    registers: [registry],
  });
  // Every series exists from the start, so rate() sees the first event.
  for (const operation of OPERATION_IDS) {
    for (const outcome of ["ok", "cancelled", ...Object.keys(GATEWAY_ERROR_CODES)]) {
      operations.inc({ operation, outcome }, 0);
    }
  }
  for (const result of ["ok", "error"]) refreshes.inc({ result }, 0);
  for (const reason of CONNECTION_REFUSALS) refusedConnections.inc({ reason }, 0);
  for (const operation of UPSTREAM_OPERATIONS) {
    upstream.zero({ operation, status_class: "2xx" });
    for (const source of ["local", "upstream"]) upstreamLimited.inc({ operation, source }, 0);
  }
  for (const result of ["hit", "shared", "miss"]) reuse.inc({ result }, 0);
  for (const store of ["upstream_budget", "token_cache"]) sharedStoreErrors.inc({ store }, 0);

  return {
    registry,
    telemetry: {
      upstreamCall(operation) {
        const started = performance.now();
        return {
          headers: {},
          end: (status) =>
            upstream.observe(
              { operation, status_class: statusClass(status) },
              (performance.now() - started) / 1_000,
            ),
        };
      },
      operationDone: (operation, outcome) => operations.inc({ operation, outcome }),
      bankTokenFetched: (result) => refreshes.inc({ result }),
      rateLimited: () => rateLimited.inc(),
      rateLimitStoreFailed: () => storeErrors.inc(),
      upstreamBudgetLeft: (operation, left) => budgetLeft.set({ operation }, left),
      upstreamRateLimited: (operation, source) => upstreamLimited.inc({ operation, source }),
      tokenReuse: (result) => reuse.inc({ result }),
      answerReused: () => undefined,
      sharedStoreFailed: (store) => sharedStoreErrors.inc({ store }),
      requestStarted: () => inFlight.inc(),
      requestEnded: () => inFlight.dec(),
      connectionRefused: (reason) => refusedConnections.inc({ reason }),
      spanExportFailed: () => spanExportsFailed.inc(),
    },
  };
}
