import type { CreateCustomerTokenRequest } from "@tokengate/idp-client";
import type { GatewayContext } from "./context.js";
import { gatewayError, idpErrorToGraphQL } from "./errors.js";
import type { CustomerTokenSource } from "./generated/create-customer-token.js";

/**
 * Mints one customer token for the caller: the auth mode decides first
 * (passthrough: a Bearer header to forward; broker: a verified caller and
 * policy), then the client checks the body against the spec and sends it.
 * Its `invalid_request` issues become BAD_USER_INPUT with GraphQL field
 * names, so there is one validation, not two. A caller that hangs up
 * cancels its mint, even one still queued for a socket.
 */
export async function mintCustomerToken(
  body: CreateCustomerTokenRequest,
  context: GatewayContext,
): Promise<CustomerTokenSource> {
  const { idp, authorizer, authorization, requestId } = context;
  const auth = await authorizer.authorize(authorization, body);
  const { data, error } = await idp.createCustomerToken(body, {
    headers: { ...auth, "x-request-id": requestId },
    signal: AbortSignal.any([context.callerGone, context.shuttingDown]),
  });
  if (error) {
    if (error.kind === "aborted" && context.shuttingDown.aborted) {
      throw gatewayError("SHUTTING_DOWN", "The gateway is stopping; try again");
    }
    if (error.kind !== "invalid_request") {
      const status = "status" in error ? error.status : undefined;
      // The logger scrubs every secret of this request from the line by value.
      context
        .log()
        .warn({ kind: error.kind, status, detail: error.message }, "upstream call failed");
    }
    throw idpErrorToGraphQL(error, authorizer.mode);
  }
  context.secrets.add(data.access_token);
  return { answer: data, request: body };
}
