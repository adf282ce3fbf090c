import { ResponseTooLargeError, refusalOf } from "./errors.js";
import { failureBeforeAnswer, failureReadingBody } from "./network-failure.js";
import type { Answer, Transport } from "./transport.js";

interface FetchTransportOptions {
  /** The client's base URL; requests go to its origin. */
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  maxResponseBytes: number;
}

/** Reads a WHATWG body up to `limit` bytes, so a hostile upstream cannot make the caller hold megabytes. */
async function readCapped(
  status: number,
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const chunk = await reader.read().catch((thrown: unknown) => {
      throw failureReadingBody(status, thrown);
    });
    if (chunk.done) return Buffer.concat(chunks).toString("utf8");
    size += chunk.value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(status, limit);
    }
    chunks.push(chunk.value);
  }
}

function headersOf(headers: Headers): Answer["headers"] {
  const record: Answer["headers"] = {};
  for (const [name, value] of headers) record[name] = value;
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) record["set-cookie"] = cookies;
  return record;
}

/**
 * A caller's WHATWG `fetch` as the transport, with the undici pool's rules:
 * the request says `redirect: "manual"`, so a redirect comes back as an
 * answer (and is refused) instead of being followed; the body is read here,
 * capped, before the call goes on.
 */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  const origin = new URL(options.baseUrl).origin;
  const limit = options.maxResponseBytes;

  async function send(request: Request): Promise<Answer> {
    let response: Response;
    try {
      response = await options.fetch(request);
    } catch (thrown) {
      throw failureBeforeAnswer(thrown);
    }
    const { status } = response;
    const refusal = refusalOf(status, response.headers.get("content-length"), limit);
    if (refusal) {
      response.body?.cancel().catch(() => undefined);
      throw refusal;
    }
    const body = await readCapped(status, response.body, limit);
    return { status, headers: headersOf(response.headers), body };
  }

  return {
    async send(request, deadline) {
      deadline.ensureTimeToSend();
      const wire = new Request(origin + request.path, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: deadline.toAbortSignal(),
        redirect: "manual",
      });
      // The deadline holds even for a fetch that ignores the signal.
      return deadline.race(send(wire));
    },
    close: async () => {},
  };
}
