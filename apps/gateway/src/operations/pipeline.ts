import { GraphQLError } from "graphql";
import { type Authorization, bearerToken } from "../auth/authorizer.js";
import { isGatewayErrorCode, isRefusalReason, type RefusalReason } from "../core/error-codes.js";
import { Refusal } from "../core/refusal.js";
import type { GatewayContext } from "../graphql/context.js";
import {
  badUserInput,
  gatewayError,
  idpErrorToGraphQL,
  rateLimitedError,
  refusalError,
  upstreamFailureLog,
  upstreamRateLimitedError,
} from "../graphql/errors.js";
import type { OperationOutcome } from "../ops/telemetry.js";
import { auditEventOf, bearerCaller, type Seen } from "./audit-event.js";
import type { GatewayOperation } from "./operation.js";

/** What an operation's output type is resolved from: the upstream's answer, the request it answered, and whether it was reused. */
export interface Answered<Request, Data> {
  answer: Data;
  request: Request;
  /** The answer was given to an earlier identical request (token reuse), not fetched for this one. */
  reused: boolean;
}

/** The code a caller gets for `error`, as the operation's outcome. */
function outcomeOf(error: unknown): OperationOutcome {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return isGatewayErrorCode(code) ? code : "INTERNAL_SERVER_ERROR";
}

/** Broker mode's refusal reason of `error`, if a rule of the catalogue refused. */
function reasonOf(error: unknown): RefusalReason | null {
  const reason = error instanceof GraphQLError ? error.extensions.reason : undefined;
  return isRefusalReason(reason) ? reason : null;
}

/**
 * Runs one upstream operation for one caller, each trust-boundary rule once
 * for every operation:
 * 1. authorize: the auth mode decides (passthrough: a Bearer header to
 *    forward; broker: a verified caller);
 * 2. policy: broker mode's rule of this operation for that caller;
 * 3. validate: the request against the spec (issues become BAD_USER_INPUT
 *    in the caller's GraphQL names) before it can count against a limit or
 *    the upstream budget;
 * 4. limits: broker mode's rate limits, per caller and per customer;
 * 5. admit and call: a still-valid answer to an identical request (an
 *    operation with a reuse rule), else a slot of the upstream budget
 *    (UPSTREAM_RATE_LIMITED without one: nothing is sent), then the call
 *    through the client; a caller that hangs up cancels it, even while it
 *    is still queued for a socket; an upstream 429 pauses the operation
 *    for every replica;
 * 6. map errors: the client's error to the caller's code, `SHUTTING_DOWN`
 *    once the drain budget is spent; a failed upstream call is logged;
 * 7. record: every answer field the spec marks secret joins the request's
 *    secrets (scrubbed from logs by value), the upstream call and the
 *    operation's outcome go to telemetry under the operationId (`cancelled`
 *    when the caller hung up first: no one got a code), and the outcome,
 *    whatever it is, writes exactly one audit event.
 */
export async function runOperation<Request, Data>(
  operation: GatewayOperation<Request, Data>,
  request: Request,
  context: GatewayContext,
): Promise<Answered<Request, Data>> {
  const seen: Seen<Request, Data> = { caller: null, request: null, answered: null };
  const done = (outcome: OperationOutcome, reason: RefusalReason | null) => {
    context.telemetry.operationDone(operation.operationId, outcome);
    const { requestId, authorizer } = context;
    context.audit.record(
      auditEventOf(operation, request, seen, { requestId, mode: authorizer.mode, outcome, reason }),
    );
  };
  try {
    const answered = await run(operation, request, context, seen);
    done("ok", null);
    return answered;
  } catch (error) {
    done(context.callerGone.aborted ? "cancelled" : outcomeOf(error), reasonOf(error));
    throw error;
  }
}

/** Steps 1 and 2: who the caller is and whether its policy lets it send this; a refusal becomes its coded error. */
async function authorize<Request, Data>(
  operation: GatewayOperation<Request, Data>,
  request: Request,
  { authorizer, authorization }: GatewayContext,
  seen: Seen<Request, Data>,
): Promise<Authorization & { customer: string | null }> {
  try {
    const authorized = await authorizer.authorize(authorization);
    const { caller } = authorized;
    seen.caller = caller ? { sub: caller.sub } : bearerCaller(bearerToken(authorization));
    const { customer } = authorized.caller
      ? operation.policy(request, authorized.caller)
      : { customer: null };
    return { ...authorized, customer };
  } catch (error) {
    throw error instanceof Refusal ? refusalError(error) : error;
  }
}

async function run<Request, Data>(
  operation: GatewayOperation<Request, Data>,
  request: Request,
  context: GatewayContext,
  seen: Seen<Request, Data>,
): Promise<Answered<Request, Data>> {
  const { idp, authorizer, requestId, limiter, telemetry, admission } = context;
  const { operationId } = operation;
  const { headers, caller, customer } = await authorize(operation, request, context, seen);
  // Invalid input must spend neither a caller's points nor the upstream
  // budget: checked here first (the client checks it again before sending).
  const checked = operation.validateRequest(request);
  if (!checked.ok) throw badUserInput(operation, checked.issues);
  seen.request = checked.value;
  // Each alias of a document is a call of its own and counts.
  const wait = caller && limiter ? await limiter.check(caller.sub, customer) : null;
  if (wait !== null) throw rateLimitedError(wait);
  const principal = caller ? { caller: caller.sub } : { bearer: headers.authorization ?? "" };
  const admitted = await admission.admit(
    operation,
    principal,
    request,
    context.callerGone,
    async (signal) => {
      const call = telemetry.upstreamCall(operationId);
      const result = await operation.call(idp, request, {
        headers: { ...headers, ...call.headers, "x-request-id": requestId },
        signal,
      });
      // A hang-up of every caller waiting on this call is theirs, not an upstream failure.
      call.end(result.error?.kind === "aborted" && signal.aborted ? "cancelled" : result.status);
      return result;
    },
  );
  if (!admitted.ok && "refusedForSeconds" in admitted) {
    throw upstreamRateLimitedError(admitted.refusedForSeconds);
  }
  if (!admitted.ok) {
    const { error } = admitted;
    const hungUp = error.kind === "aborted" && context.callerGone.aborted;
    // At the drain budget's end the client aborts what is still running, and refuses new calls.
    if (context.shuttingDown.aborted && (error.kind === "aborted" || error.kind === "network")) {
      throw gatewayError("SHUTTING_DOWN", "The gateway is stopping; try again");
    }
    // A hang-up is the caller's doing, not an upstream failure: no warning.
    if (hungUp)
      context.log().debug({ operation: operationId }, "caller hung up; its call was cancelled");
    else if (error.kind !== "invalid_request") {
      context
        .log()
        .warn(upstreamFailureLog(error, authorizer.mode, operation), "upstream call failed");
    }
    throw idpErrorToGraphQL(error, authorizer.mode, operation);
  }
  if (operation.reuse) telemetry.answerReused(admitted.reused);
  const { answer, reused } = admitted;
  seen.answered = { answer, reused };
  for (const field of operation.secretFields) {
    const value: unknown = answer[field];
    if (typeof value === "string") context.secrets.add(value);
  }
  return { answer, request, reused };
}
