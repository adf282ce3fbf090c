import {
  clientError,
  type GatewayClientError,
  isGatewayErrorCode,
  type UpstreamAnswer,
} from "./errors.js";
import type { CustomerToken } from "./mint.js";

/** `{ data }` on success, `{ error }` otherwise. */
export type MintResult =
  | { data: CustomerToken; error?: never }
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

function failed(error: GatewayClientError): MintResult {
  return { error };
}

/** Reads the gateway's JSON answer to the mint: the first GraphQL error, or the token. */
export function readMintAnswer(status: number, body: unknown): MintResult {
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
    return failed({
      code,
      message,
      field: fieldOf(code, message, extensions),
      upstream: upstreamOf(extensions),
      status,
    });
  }
  const token = isObject(body.data) ? body.data.createCustomerToken : undefined;
  if (isObject(token) && typeof token.accessToken === "string") {
    // The gateway's schema, which the type is inferred from, guarantees the rest.
    return { data: token as CustomerToken };
  }
  return failed(
    clientError("UNEXPECTED_RESPONSE", `HTTP ${status}: a response without a token`, status),
  );
}
