import {
  clientError,
  type GatewayClientError,
  isGatewayErrorCode,
  type UpstreamAnswer,
} from "./errors.js";

/** `{ data }` on success, `{ error }` otherwise. */
export type Result<Data> =
  | { data: Data; error?: never }
  | { data?: never; error: GatewayClientError };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first input path a message names, e.g. `input.ipAllowlist[1]` (the gateway's and graphql-js's wording). */
const INPUT_PATH = /\binput(?:\.[A-Za-z_]\w*|\[\d+\])+/;

function fieldOf(code: string, message: string, extensions: JsonObject): string | null {
  if (typeof extensions.field === "string") return extensions.field;
  return code === "BAD_USER_INPUT" ? (message.match(INPUT_PATH)?.[0] ?? null) : null;
}

function upstreamOf(extensions: JsonObject): UpstreamAnswer | null {
  const { upstream } = extensions;
  if (!isObject(upstream) || typeof upstream.status !== "number") return null;
  const messageCode = typeof upstream.messageCode === "string" ? upstream.messageCode : null;
  return { status: upstream.status, messageCode };
}

function failed<Data>(error: GatewayClientError): Result<Data> {
  return { error };
}

/** What an answer's field must hold to be its data, and what it is called in a message. */
export interface AnswerShape<Data> {
  /** The operation's root field: `createCustomerToken`. */
  field: string;
  /** What the data is, for a message: `a CustomerToken`. */
  what: string;
  /** The schema the type is inferred from guarantees the rest once this holds. */
  holds(value: JsonObject): boolean;
  /** Nothing to check: typed by the document it answers. */
  data(value: JsonObject): Data;
}

/** Reads the gateway's JSON answer to one operation: the first GraphQL error, or its data. */
export function readAnswer<Data>(
  status: number,
  body: unknown,
  shape: AnswerShape<Data>,
): Result<Data> {
  if (!isObject(body)) {
    return failed(
      clientError("UNEXPECTED_RESPONSE", `HTTP ${status}: not a GraphQL response`, status),
    );
  }
  const [first] = Array.isArray(body.errors) ? body.errors : [];
  if (first !== undefined) {
    const message = isObject(first) && typeof first.message === "string" ? first.message : "";
    const extensions = isObject(first) && isObject(first.extensions) ? first.extensions : {};
    const { code } = extensions;
    if (!isGatewayErrorCode(code)) {
      const named = code === undefined ? "no code" : `code ${JSON.stringify(code)}`;
      return failed(
        clientError(
          "UNEXPECTED_RESPONSE",
          `HTTP ${status}: an error with ${named}, which this client does not know: ${message}`,
          status,
        ),
      );
    }
    return failed<Data>({
      code,
      message,
      field: fieldOf(code, message, extensions),
      upstream: upstreamOf(extensions),
      status,
    });
  }
  const value = isObject(body.data) ? body.data[shape.field] : undefined;
  if (isObject(value) && shape.holds(value)) return { data: shape.data(value) };
  return failed(
    clientError("UNEXPECTED_RESPONSE", `HTTP ${status}: a response without ${shape.what}`, status),
  );
}
