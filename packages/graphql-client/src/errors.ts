import { GATEWAY_ERROR_CODES } from "./generated/gateway-error-codes.js";

export { GATEWAY_ERROR_CODES };

/** Every `extensions.code` the gateway can answer with (its schema's `GatewayErrorCode` enum). */
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** Outcomes with no coded answer from the gateway. */
export const CLIENT_ERROR_CODES = [
  /** The request never got an answer: connection refused or reset, DNS, CORS. */
  "NETWORK_ERROR",
  /** The caller's `signal` fired. */
  "ABORTED",
  /** `getToken` threw or rejected; nothing was sent. */
  "TOKEN_PROVIDER_FAILED",
  /** An answer that is not a GraphQL response of this gateway (a proxy's error page, a code this client does not know). */
  "UNEXPECTED_RESPONSE",
] as const;

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** What the upstream answered, when the gateway's error came from it. */
export interface UpstreamAnswer {
  /** The upstream's HTTP status, e.g. 401. */
  status: number;
  /** The upstream's `message_code`, e.g. `no_customer`; null when its body had none. */
  messageCode: string | null;
}

/** Why a mint failed. `code` tells the cases apart; switch on it. */
export interface GatewayClientError {
  code: GatewayErrorCode | ClientErrorCode;
  /** Says what went wrong; never holds a token. */
  message: string;
  /** The input field the gateway named, e.g. `input.customerGuid`; null when it named none. */
  field: string | null;
  /** What the upstream answered, when it did; null otherwise. */
  upstream: UpstreamAnswer | null;
  /** The gateway's HTTP status when an answer arrived (GraphQL errors usually come with 200). */
  status: number | null;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(GATEWAY_ERROR_CODES);

/** True for a code of the gateway's catalogue. */
export function isGatewayErrorCode(value: unknown): value is GatewayErrorCode {
  return typeof value === "string" && KNOWN_CODES.has(value);
}

/** A failure of the client's own, with no upstream and no field. */
export function clientError(
  code: ClientErrorCode,
  message: string,
  status: number | null = null,
): GatewayClientError {
  return { code, message, field: null, upstream: null, status };
}
