import { BrokenAnswerError, NoAnswerError } from "./errors.js";

/**
 * Codes that mean the request got no answer: no connection, or one that
 * failed before the upstream sent a status line. Node's system errors, and
 * undici's (which Node's `fetch` wraps in a `TypeError` as its `cause`).
 */
const NO_ANSWER_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "EADDRNOTAVAIL",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
  "UND_ERR_DESTROYED",
]);

/** TLS failures: the connection was never made. */
const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$)/;

/** Codes that mean something came back that could not be read as an HTTP answer. */
const BROKEN_ANSWER_CODE = /^(HPE_|UND_ERR_HEADERS_OVERFLOW$|UND_ERR_RES_CONTENT_LENGTH_MISMATCH$)/;

/** The codes on `thrown` and what it wraps (`cause`, and an `AggregateError`'s `errors`), outermost first. */
function* codesOf(thrown: unknown, depth = 0): Generator<string> {
  if (depth > 4 || typeof thrown !== "object" || thrown === null) return;
  const { code, cause, errors } = thrown as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string") yield code;
  yield* codesOf(cause, depth + 1);
  if (Array.isArray(errors)) for (const error of errors) yield* codesOf(error, depth + 1);
}

/**
 * What a transport's request threw before any answer arrived, told apart:
 * a recognised network failure becomes `NoAnswerError` (or
 * `BrokenAnswerError` when an unreadable head came back); anything else
 * (an abort, a bug, a caller's `fetch` throwing) is returned unchanged.
 */
export function failureBeforeAnswer(thrown: unknown): unknown {
  for (const code of codesOf(thrown)) {
    if (NO_ANSWER_CODES.has(code) || TLS_CODE.test(code)) {
      return new NoAnswerError(code, { cause: thrown });
    }
    if (BROKEN_ANSWER_CODE.test(code)) return new BrokenAnswerError(null, code, { cause: thrown });
  }
  return thrown;
}

/** What reading an answer's body threw: whatever it was, the answer broke off. */
export function failureReadingBody(status: number, thrown: unknown): BrokenAnswerError {
  const [code = null] = codesOf(thrown);
  return new BrokenAnswerError(status, code, { cause: thrown });
}
