import type { IdpError } from "./errors.js";
import { isErrorResponse } from "./generated/operations.js";
import type { DocumentedKind, OperationDescriptor } from "./operation.js";
import { retryAfterSeconds } from "./retry-after.js";
import type { ErrorResponse } from "./types.js";

/** An answer read against its operation's contract: its data, or why it is an error. */
export type ReadOutcome<Data> = { ok: true; data: Data } | { ok: false; error: IdpError };

/** A body as read off the wire: parsed JSON, or not JSON at all. */
export type ParsedBody = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string): ParsedBody {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** An `x-tokengate-required` field counts only when present and not empty. */
function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** A success body that carries every `x-tokengate-required` field. */
function carriesRequired<Answer, Data extends Answer>(
  answer: Answer,
  fields: readonly string[],
): answer is Data {
  return fields.every((field) => isGiven((answer as Record<string, unknown>)[field]));
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** What Ajv's `errorsText` says, for a precompiled validator (no Ajv instance at run time). */
function errorsText(errors: { instancePath: string; message?: string }[] | null | undefined) {
  return (errors ?? []).map((error) => `body${error.instancePath} ${error.message}`).join(", ");
}

function successOutcome<Request, Answer, Data extends Answer>(
  operation: OperationDescriptor<Request, Answer, Data>,
  status: number,
  parsed: ParsedBody,
): ReadOutcome<Data> {
  const answered = { status, messageCode: null, upstreamMessage: null };
  if (!parsed.ok) {
    return {
      ok: false,
      error: {
        kind: "unexpected_response",
        reason: "not_json",
        message: `Upstream answered ${status} with a body that is not JSON`,
        ...answered,
      },
    };
  }
  const { isAnswer, requiredFields } = operation;
  if (!isAnswer(parsed.value)) {
    const why = errorsText(isAnswer.errors);
    return {
      ok: false,
      error: {
        kind: "unexpected_response",
        reason: "contract_violation",
        message: `Upstream answered ${status} with a body that breaks the contract: ${why}`,
        ...answered,
      },
    };
  }
  const answer: Answer = parsed.value;
  if (!carriesRequired<Answer, Data>(answer, requiredFields)) {
    const missing = requiredFields.find(
      (field) => !isGiven((answer as Record<string, unknown>)[field]),
    );
    return {
      ok: false,
      error: {
        kind: "unexpected_response",
        reason: "contract_violation",
        message: `Upstream answered ${status} without ${article(String(missing))} ${missing}`,
        ...answered,
      },
    };
  }
  return { ok: true, data: answer };
}

/** The message of a documented error kind. */
function documentedMessage(kind: DocumentedKind, status: number, detail: string): string {
  switch (kind) {
    case "unauthorized":
      return `Upstream refused the bank token (${status})${detail}`;
    case "forbidden":
      return `Upstream forbade the request (${status})${detail}`;
    case "not_found":
      return `Upstream found nothing at what the request names (${status})${detail}`;
    case "unprocessable":
      return `Upstream could not process the request (${status})${detail}`;
    case "rate_limited":
      return `Upstream rate limit reached (${status})${detail}`;
    case "server_error":
      return `Upstream failed (${status})${detail}`;
    default: {
      const unhandled: never = kind;
      throw new Error(`unhandled documented error kind ${String(unhandled)}`);
    }
  }
}

function errorOutcome<Request, Answer, Data extends Answer>(
  operation: OperationDescriptor<Request, Answer, Data>,
  status: number,
  parsed: ParsedBody,
  retryAfter: string | null,
): IdpError {
  const body: ErrorResponse | null =
    parsed.ok && isErrorResponse(parsed.value) ? parsed.value : null;
  const answered = {
    status,
    messageCode: body?.message_code ?? null,
    upstreamMessage: body?.error_message ?? null,
  };
  const detail = body ? `: ${body.error_message} (${body.message_code})` : "";
  const documented = Object.hasOwn(operation.errors, status)
    ? operation.errors[String(status)]
    : undefined;
  if (documented) {
    if (documented.bodyRequired && !body) {
      return {
        kind: "unexpected_response",
        reason: parsed.ok ? "contract_violation" : "not_json",
        message: `Upstream answered ${status} without an ErrorResponse body`,
        ...answered,
      };
    }
    const message = documentedMessage(documented.kind, status, detail);
    switch (documented.kind) {
      case "server_error":
        return { kind: documented.kind, message, retryAfter, ...answered };
      case "rate_limited":
        return {
          kind: documented.kind,
          message,
          retryAfterSeconds: retryAfterSeconds(retryAfter),
          ...answered,
        };
      default:
        return { kind: documented.kind, message, ...answered };
    }
  }
  if (status >= 500) {
    return {
      kind: "server_error",
      message: `Upstream failed (${status})${detail}`,
      retryAfter,
      ...answered,
    };
  }
  return {
    kind: "unexpected_response",
    reason: "undocumented_status",
    message: `Upstream answered ${status}, which the contract does not list`,
    ...answered,
  };
}

/**
 * Turns the upstream's answer to one operation into its data or a typed
 * error, checking the body against the spec's (precompiled) schemas: any 2xx
 * whose body satisfies the success schema and carries its
 * `x-tokengate-required` fields is a success; a documented error status
 * becomes the kind its `x-tokengate-error-kind` names; every other answer is
 * an `unexpected_response` or `server_error`.
 */
export function readAnswer<Request, Answer, Data extends Answer>(
  operation: OperationDescriptor<Request, Answer, Data>,
  status: number,
  body: ParsedBody,
  retryAfter: string | null,
): ReadOutcome<Data> {
  if (status >= 200 && status < 300) return successOutcome(operation, status, body);
  return { ok: false, error: errorOutcome(operation, status, body, retryAfter) };
}
