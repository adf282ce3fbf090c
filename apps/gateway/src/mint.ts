import {
  type CreateCustomerTokenRequest,
  validateCreateCustomerTokenRequest,
} from "@tokengate/idp-client";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "./context.js";
import { isGatewayErrorCode } from "./error-codes.js";
import {
  badUserInput,
  gatewayError,
  idpErrorToGraphQL,
  upstreamFailureLog,
  upstreamRateLimitedError,
} from "./errors.js";
import type { CustomerTokenSource } from "./generated/create-customer-token.js";
import type { MintOutcome } from "./telemetry.js";

/** The code a caller gets for `error`, as the mint's outcome. */
function outcomeOf(error: unknown): MintOutcome {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return isGatewayErrorCode(code) ? code : "INTERNAL_SERVER_ERROR";
}

/**
 * Mints one customer token for the caller: the auth mode decides first
 * (passthrough: a Bearer header to forward; broker: a verified caller and
 * policy); the body is checked against the spec (issues become
 * BAD_USER_INPUT with GraphQL field names), so that bad input neither counts
 * against a limit or the budget nor shows as an upstream call; then the rate
 * limits count it (broker mode), and the admission answers it: a reused
 * token, or one the client mints within the upstream budget. A caller that hangs up
 * cancels its mint, even one still queued for a socket. Every mint that
 * gets here ends in `telemetry.mintDone`, with `ok` or its code.
 */
export async function mintCustomerToken(
  body: CreateCustomerTokenRequest,
  context: GatewayContext,
): Promise<CustomerTokenSource> {
  try {
    const issued = await mint(body, context);
    context.telemetry.mintDone("ok");
    return issued;
  } catch (error) {
    context.telemetry.mintDone(context.callerGone.aborted ? "cancelled" : outcomeOf(error));
    throw error;
  }
}

async function mint(
  body: CreateCustomerTokenRequest,
  context: GatewayContext,
): Promise<CustomerTokenSource> {
  const { idp, authorizer, authorization, requestId, limiter, telemetry, admission } = context;
  const { headers, caller } = await authorizer.authorize(authorization, body);
  // Invalid input must spend neither a caller's points nor the upstream
  // budget: checked here first (the client checks it again before sending).
  const checked = validateCreateCustomerTokenRequest(body);
  if (!checked.ok) throw badUserInput(checked.issues);
  // Each alias of a document is a mint of its own and counts.
  if (caller && limiter) await limiter.check(caller.sub, body.customer_guid);
  // Reuse, the upstream budget, then the call (ops/mint-admission.ts).
  const principal = caller ? { caller: caller.sub } : { bearer: headers.authorization ?? "" };
  const admitted = await admission.admit(principal, body, context.callerGone, async (signal) => {
    const call = telemetry.upstreamCall("create_customer_token");
    const result = await idp.createCustomerToken(body, {
      headers: { ...headers, ...call.headers, "x-request-id": requestId },
      signal,
    });
    // A hang-up of every caller waiting on this call is theirs, not an upstream failure.
    call.end(
      result.error?.kind === "aborted" && signal.aborted ? "cancelled" : result.response?.status,
    );
    return result;
  });
  if (!admitted.ok && "refusedForSeconds" in admitted) {
    throw upstreamRateLimitedError(admitted.refusedForSeconds);
  }
  if (!admitted.ok) {
    const { error, status } = admitted;
    const hungUp = error.kind === "aborted" && context.callerGone.aborted;
    // At the drain budget's end the client aborts what is still running, and refuses new calls.
    if (context.shuttingDown.aborted && (error.kind === "aborted" || error.kind === "network")) {
      throw gatewayError("SHUTTING_DOWN", "The gateway is stopping; try again");
    }
    // A hang-up is the caller's doing, not an upstream failure: no warning.
    if (hungUp) context.log().debug("caller hung up; its mint was cancelled");
    else if (error.kind !== "invalid_request") {
      context.log().warn(upstreamFailureLog(error, authorizer.mode), "upstream call failed");
    }
    throw idpErrorToGraphQL(error, authorizer.mode);
  }
  telemetry.mintReused(admitted.reused);
  context.secrets.add(admitted.token.access_token);
  return { answer: admitted.token, request: body, reused: admitted.reused };
}
