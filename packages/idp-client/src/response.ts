import { Ajv } from "ajv";
import type { IdpError, IdpErrorKind } from "./errors.js";
import {
  CREATE_CUSTOMER_TOKEN_ERRORS,
  CUSTOMER_TOKEN_REQUIRED_FIELDS,
  CUSTOMER_TOKEN_SCHEMA,
  ERROR_RESPONSE_SCHEMA,
} from "./generated/contract.js";
import type { components } from "./generated/openapi.js";
import { retryAfterSeconds } from "./retry-after.js";
import type { CustomerToken, ErrorResponse } from "./types.js";

type CustomerTokenBody = components["schemas"]["CustomerToken"];

/** The client's Ajv for the upstream's answers (the request validator keeps its own: it collects every error). */
export const ajv = new Ajv({ strict: true });
const isCustomerTokenBody = ajv.compile<CustomerTokenBody>(CUSTOMER_TOKEN_SCHEMA);
const isErrorResponse = ajv.compile<ErrorResponse>(ERROR_RESPONSE_SCHEMA);

/** The kinds a documented error status may be given in the spec (`x-tokengate-error-kind`). */
type DocumentedKind = Extract<
  IdpErrorKind,
  "unauthorized" | "forbidden" | "unprocessable" | "rate_limited" | "server_error"
>;

/**
 * The spec's documented error statuses. Typed here so that a kind the client
 * does not know fails `pnpm typecheck` instead of being reported wrongly.
 */
const DOCUMENTED_ERRORS: Readonly<
  Record<string, { readonly kind: DocumentedKind; readonly bodyRequired: boolean }>
> = CREATE_CUSTOMER_TOKEN_ERRORS;

type ReadOutcome = { ok: true; token: CustomerToken } | { ok: false; error: IdpError };

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
function hasRequiredFields(body: CustomerTokenBody): body is CustomerToken {
  return CUSTOMER_TOKEN_REQUIRED_FIELDS.every((field) => isGiven(body[field]));
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

function successOutcome(status: number, parsed: ParsedBody): ReadOutcome {
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
  if (!isCustomerTokenBody(parsed.value)) {
    const why = ajv.errorsText(isCustomerTokenBody.errors, { dataVar: "body" });
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
  const token = parsed.value;
  if (!hasRequiredFields(token)) {
    const missing = CUSTOMER_TOKEN_REQUIRED_FIELDS.find((field) => !isGiven(token[field]));
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
  return { ok: true, token };
}

function errorOutcome(status: number, parsed: ParsedBody, retryAfter: string | null): IdpError {
  const body = parsed.ok && isErrorResponse(parsed.value) ? parsed.value : null;
  const answered = {
    status,
    messageCode: body?.message_code ?? null,
    upstreamMessage: body?.error_message ?? null,
  };
  const detail = body ? `: ${body.error_message} (${body.message_code})` : "";
  const documented = Object.hasOwn(DOCUMENTED_ERRORS, status)
    ? DOCUMENTED_ERRORS[String(status)]
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
    switch (documented.kind) {
      case "unauthorized":
        return {
          kind: documented.kind,
          message: `Upstream refused the bank token (${status})${detail}`,
          ...answered,
        };
      case "forbidden":
        return {
          kind: documented.kind,
          message: `Upstream forbade the request (${status})${detail}`,
          ...answered,
        };
      case "unprocessable":
        return {
          kind: documented.kind,
          message: `Upstream could not process the request (${status})${detail}`,
          ...answered,
        };
      case "rate_limited":
        return {
          kind: documented.kind,
          message: `Upstream rate limit reached (${status})${detail}`,
          retryAfterSeconds: retryAfterSeconds(retryAfter),
          ...answered,
        };
      case "server_error":
        return {
          kind: documented.kind,
          message: `Upstream failed (${status})${detail}`,
          retryAfter,
          ...answered,
        };
      default: {
        const unhandled: never = documented.kind;
        throw new Error(`unhandled documented error kind ${String(unhandled)}`);
      }
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
 * Turns the upstream's answer into a token or a typed error, checking the
 * body against the spec's schemas: any 2xx whose body satisfies the success
 * schema and carries its `x-tokengate-required` fields is a success; a
 * documented error status becomes the kind its `x-tokengate-error-kind`
 * names; every other answer is an `unexpected_response` or `server_error`.
 */
export function readCustomerTokenAnswer(
  status: number,
  body: ParsedBody,
  retryAfter: string | null,
): ReadOutcome {
  if (status >= 200 && status < 300) return successOutcome(status, body);
  return { ok: false, error: errorOutcome(status, body, retryAfter) };
}
