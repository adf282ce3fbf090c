import { errors } from "undici";
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

/** `thrown` and what it wraps (`cause`, and an `AggregateError`'s `errors`), outermost first. */
function* chainOf(thrown: unknown, depth = 0): Generator<object> {
  if (depth > 4 || typeof thrown !== "object" || thrown === null) return;
  yield thrown;
  const { cause, errors: inner } = thrown as { cause?: unknown; errors?: unknown };
  yield* chainOf(cause, depth + 1);
  if (Array.isArray(inner)) for (const error of inner) yield* chainOf(error, depth + 1);
}

function codeOf(error: object): string | null {
  const { code } = error as { code?: unknown };
  return typeof code === "string" ? code : null;
}

/**
 * What a transport's request threw before any answer arrived, told apart:
 * a recognised network failure becomes `NoAnswerError` (or
 * `BrokenAnswerError` when an unreadable head came back); anything else
 * (an abort, a bug, a caller's `fetch` throwing) is returned unchanged.
 */
export function failureBeforeAnswer(thrown: unknown): unknown {
  for (const error of chainOf(thrown)) {
    const code = codeOf(error);
    if (code !== null && (NO_ANSWER_CODES.has(code) || TLS_CODE.test(code))) {
      return new NoAnswerError(code, { cause: thrown });
    }
    // undici's parser error does not always carry a code; its class (shared
    // with the undici inside Node's fetch) says what it is.
    if (
      error instanceof errors.HTTPParserError ||
      (code !== null && BROKEN_ANSWER_CODE.test(code))
    ) {
      return new BrokenAnswerError(null, code, { cause: thrown });
    }
  }
  return thrown;
}

/** What reading an answer's body threw: whatever it was, the answer broke off. */
export function failureReadingBody(status: number, thrown: unknown): BrokenAnswerError {
  let code: string | null = null;
  for (const error of chainOf(thrown)) code ??= codeOf(error);
  return new BrokenAnswerError(status, code, { cause: thrown });
}
