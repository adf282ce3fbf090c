/**
 * No answer arrived: the connection was refused, could not be made, or
 * closed before the upstream sent a status line. The only failure a call is
 * retried on (the upstream may still have minted; a second token is harmless).
 */
export class NoAnswerError extends Error {
  override readonly name = "NoAnswerError";
  constructor(
    /** The network code that says so (`ECONNREFUSED`, `UND_ERR_SOCKET`, …). */
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(`no answer (${code})`, options);
  }
}

/**
 * An answer began and could not be read: the body broke off, or the upstream
 * sent something that is not HTTP. Never retried: a token was probably
 * minted, and it was lost.
 */
export class BrokenAnswerError extends Error {
  override readonly name = "BrokenAnswerError";
  constructor(
    /** The answer's status, `null` when not even its head could be read. */
    readonly status: number | null,
    readonly code: string | null,
    options: { cause: unknown },
  ) {
    super(`the ${status ?? "upstream's"} answer broke off${code ? ` (${code})` : ""}`, options);
  }
}

/** An answer whose body is larger than the client accepts. */
export class ResponseTooLargeError extends Error {
  override readonly name = "ResponseTooLargeError";
  constructor(
    readonly status: number,
    readonly limitBytes: number,
  ) {
    super(`response body is larger than ${limitBytes} bytes`);
  }
}

/** Redirect statuses (the Fetch standard's list): never followed, so never usable. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * An answer refused on its status alone, before its body is read: a
 * redirect (following it would replay the bank token and body elsewhere), or
 * a status outside HTTP's 200–599 (no `Response` can carry it).
 */
export class RefusedStatusError extends Error {
  override readonly name = "RefusedStatusError";
  constructor(
    readonly status: number,
    readonly reason: "redirect" | "out_of_range",
  ) {
    super(`refused a ${status} answer (${reason})`);
  }
}

/**
 * Why an answer is refused on its head alone, before any of its body is
 * read: its status, or a `Content-Length` over the limit. `null`: read it.
 */
export function refusalOf(
  status: number,
  contentLength: string | string[] | null | undefined,
  limitBytes: number,
): RefusedStatusError | ResponseTooLargeError | null {
  if (REDIRECT_STATUSES.has(status)) return new RefusedStatusError(status, "redirect");
  if (status < 200 || status > 599) return new RefusedStatusError(status, "out_of_range");
  if (Number(contentLength) > limitBytes) return new ResponseTooLargeError(status, limitBytes);
  return null;
}

/** A middleware pointed the request at another origin; the bank token goes only to `baseUrl`. */
export class OtherOriginError extends Error {
  override readonly name = "OtherOriginError";
  constructor() {
    super("a middleware sent the request to another origin");
  }
}
