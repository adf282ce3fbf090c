/**
 * The token endpoint refused or failed. Its message is safe to log: it never
 * holds the client secret or a token.
 */
export class BankTokenError extends Error {
  override readonly name = "BankTokenError";
  constructor(
    message: string,
    /** HTTP status of the token endpoint's answer, `null` when none arrived. */
    readonly status: number | null,
    /** The OAuth `error` code (`invalid_client`, …), when the body had one. */
    readonly oauthError: string | null,
    /** The token endpoint gave no answer within its time: a timeout like any other upstream's. */
    readonly timeoutMs: number | null = null,
    /**
     * Set when a rate limit refused the request: the token endpoint's 429
     * (its `Retry-After`, in whole seconds, `null` if absent) or an `admit`
     * hook that refused to send it; `undefined` otherwise.
     */
    readonly retryAfterSeconds?: number | null,
  ) {
    super(message);
  }
}
