import { type GatewayErrorCode, REFUSAL_REASONS, type RefusalReason } from "./error-codes.js";

/**
 * A request refused before anything was sent: by the auth mode or by an
 * operation's broker policy. A decision, not a GraphQL error: the operation
 * pipeline answers it with its code (and `extensions.reason` when a rule of
 * the catalogue refused).
 */
export class Refusal extends Error {
  readonly code: GatewayErrorCode;
  readonly reason: RefusalReason | null;

  constructor(code: GatewayErrorCode, message: string, reason: RefusalReason | null = null) {
    super(message);
    this.name = "Refusal";
    this.code = code;
    this.reason = reason;
  }

  /** A refusal by a rule of the catalogue; its code is the reason's. */
  static because(reason: RefusalReason, message: string): Refusal {
    return new Refusal(REFUSAL_REASONS[reason].code, message, reason);
  }
}
