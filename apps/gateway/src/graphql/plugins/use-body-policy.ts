import type { Plugin } from "graphql-yoga";
import { LIMITS } from "../../config/limits.js";
import type { GatewayErrorCode } from "../../core/error-codes.js";

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
 * A refused body up to this size is read and discarded before the refusal
 * is sent. A client that writes its whole body before reading (most do)
 * would otherwise be reset mid-write: closing a connection with unread
 * bytes makes the kernel send RST, and the client never sees the answer.
 * A larger body is not read; its client may be reset. Slow senders are cut
 * at `SERVER_REQUEST_TIMEOUT_MS` as any request is.
 */
const MAX_DISCARDED_BYTES = LIMITS.MAX_DISCARDED_BODY_BYTES.value;

/** Reads and drops the body, up to `limit` bytes; a client that leaves is no error. */
async function discard(body: ReadableStream<Uint8Array> | null, limit: number): Promise<void> {
  if (!body) return;
  const reader = body.getReader();
  let read = 0;
  try {
    while (read <= limit) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client hung up; there is no one to answer.
  }
}

/**
 * Refuses a POST body that is not JSON, undeclared in length or too large,
 * before it is parsed. As a yoga plugin the refusal passes through every
 * response hook (request id, CORS) like any other answer. The refused body
 * is discarded, up to `MAX_DISCARDED_BYTES`, so that the client is there to
 * read the answer; a larger declared body is not read at all.
 */
export function useBodyPolicy(): Plugin {
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "POST") return;
      const refusal = refusalOf(request.headers);
      if (!refusal) return;
      if (Number(request.headers.get("content-length") ?? 0) <= MAX_DISCARDED_BYTES) {
        await discard(request.body, MAX_DISCARDED_BYTES);
      }
      const body = { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: refusal.status,
          // A body over the discard bound is left unread; the connection cannot be reused.
          headers: { "content-type": "application/json; charset=utf-8", connection: "close" },
        }),
      );
    },
  };
}
