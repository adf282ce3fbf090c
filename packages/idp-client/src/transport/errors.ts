/** Raised while reading a body that is larger than the client accepts. */
export class ResponseTooLargeError extends Error {
  override readonly name = "ResponseTooLargeError";
  constructor(
    readonly status: number,
    readonly limitBytes: number,
  ) {
    super(`response body is larger than ${limitBytes} bytes`);
  }
}

/**
 * The upstream answered, then the body broke off (a reset, a closed socket).
 * Kept apart from failures before any answer because only those are retried:
 * an answer that started means a token was surely minted, and it was lost.
 * (A failure before any answer may also follow a mint; the retry policy
 * accepts that, since a second token is harmless.)
 */
export class ResponseBodyError extends Error {
  override readonly name = "ResponseBodyError";
  constructor(
    readonly status: number,
    options: { cause: unknown },
  ) {
    super(`the ${status} response body could not be read`, options);
  }
}

/** A `Content-Length` over the limit: refused before any of the body is read. */
export function declaresTooMuch(
  contentLength: string | string[] | null | undefined,
  limitBytes: number,
): boolean {
  return Number(contentLength) > limitBytes;
}
