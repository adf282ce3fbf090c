import { declaresTooMuch, ResponseTooLargeError } from "./errors.js";

/**
 * Wraps a `fetch` so that no response body larger than `limitBytes` is ever
 * buffered: a token answer is a few kilobytes, and a hostile or broken
 * upstream must not make the caller hold megabytes.
 */
export function limitResponseBodies(
  fetchImpl: (request: Request) => Promise<Response>,
  limitBytes: number,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await fetchImpl(request);
    if (declaresTooMuch(response.headers.get("content-length"), limitBytes)) {
      await response.body?.cancel();
      throw new ResponseTooLargeError(response.status, limitBytes);
    }
    if (!response.body) return response;
    let seen = 0;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limitBytes)
          controller.error(new ResponseTooLargeError(response.status, limitBytes));
        else controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
