import type { IdpClient } from "@tokengate/idp-client";
import type { Logger } from "pino";

/** What every resolver gets for one GraphQL request. */
export interface GatewayContext {
  /** The upstream client; the only way this gateway reaches the upstream. */
  idp: IdpClient;
  /** The caller's `Authorization` header, forwarded verbatim; `null` if absent. */
  authorization: string | null;
  /** Correlates the gateway's logs with the upstream call and the caller. */
  requestId: string;
  /** The request's logger, already bound to `requestId`. */
  log: Logger;
}
