import type { IdpClient } from "@tokengate/idp-client";
import type { Logger } from "pino";
import type { Authorizer } from "../auth/authorizer.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { Admission } from "../operations/admission.js";
import type { AuditTrail } from "../ops/audit/trail.js";
import type { MintLimiter } from "../ops/rate-limit.js";
import type { Telemetry } from "../ops/telemetry.js";

/** What every resolver gets for one GraphQL request. */
export interface GatewayContext {
  /** The upstream client; the only way this gateway reaches the upstream. */
  idp: IdpClient;
  /** Who may mint what, and how the upstream call is authenticated. */
  authorizer: Authorizer;
  /** The caller's `Authorization` header; `null` if absent. */
  authorization: string | null;
  /** Correlates the gateway's logs with the upstream call and the caller. */
  requestId: string;
  /**
   * The request's logger, bound to `requestId`. A function, so the child
   * logger is made only when a request logs (envelop copies the context with
   * `Object.assign`, which would run a getter for every request).
   */
  log: () => Logger;
  /** Aborts when the caller hangs up (its queued mint is then never sent). */
  callerGone: AbortSignal;
  /** Aborts when the drain budget is nearly spent; what is still waiting answers `SHUTTING_DOWN`. */
  shuttingDown: AbortSignal;
  /** Secrets seen by this request (a caller's token, a minted token), scrubbed from its own log lines. */
  secrets: SecretRegistry;
  /** Broker mode's mint limits; `null` when off (passthrough, or `RATE_LIMIT_MINTS_PER_MINUTE=0`). */
  limiter: MintLimiter | null;
  /** Token reuse and the upstream budget: what a call passes between the limits and the upstream. */
  admission: Admission;
  /** Metrics and traces of the mints and upstream calls. */
  telemetry: Telemetry;
  /** Where each operation's outcome is written as one audit event. */
  audit: AuditTrail;
}
