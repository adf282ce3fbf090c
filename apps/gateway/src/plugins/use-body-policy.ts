import type { Plugin } from "graphql-yoga";
import { LIMITS } from "../config/limits.js";
import type { GatewayErrorCode } from "../error-codes.js";

/** Largest request body accepted; a mutation is well under 2 KiB. */
const MAX_BODY_BYTES = LIMITS.MAX_BODY_BYTES.value;

/** GraphQL over HTTP: a POST body is JSON; form and text bodies would dodge CORS preflight. */
const JSON_MEDIA_TYPE = /^application\/(graphql-response\+)?json\s*(;|$)/i;

interface Refusal {
  status: 411 | 413 | 415;
  code: GatewayErrorCode;
  message: string;
}

/** Why a POST's body is refused before any byte of it is read, or `null`. */
function refusalOf(headers: Headers): Refusal | null {
  if (!JSON_MEDIA_TYPE.test(headers.get("content-type") ?? "")) {
    return {
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: "A POST body must be sent as Content-Type: application/json",
    };
  }
  const length = headers.get("content-length");
  // A body of undeclared size (chunked) could otherwise stream forever.
  if (length === null) {
    return {
      status: 411,
      code: "LENGTH_REQUIRED",
      message: "A POST body must declare its Content-Length",
    };
  }
  if (Number(length) > MAX_BODY_BYTES) {
    return {
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: `The request body is larger than ${MAX_BODY_BYTES} bytes`,
    };
  }
  return null;
}

/**
 * Refuses a POST body that is not JSON, undeclared in length or too large,
 * before it is read. As a yoga plugin the refusal passes through every
 * response hook (request id, CORS) like any other answer; Node's parser
 * stops at `Content-Length`, so a declared length bounds what is read.
 */
export function useBodyPolicy(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "POST") return;
      const refusal = refusalOf(request.headers);
      if (!refusal) return;
      const body = { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: refusal.status,
          // The body is left unread, so the connection cannot be reused.
          headers: { "content-type": "application/json; charset=utf-8", connection: "close" },
        }),
      );
    },
  };
}
