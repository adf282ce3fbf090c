import { request as httpRequest, type ServerResponse } from "node:http";
import type { FaultHandler } from "./fault-server.js";

/** Writes `value` as a JSON answer with `status`. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
}

/** Answers every request with `status` and a JSON `body`, given as text (it may be broken on purpose). */
export function reply(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): FaultHandler {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(body);
  };
}

/** Drops the connection once the request has arrived, before any byte of an answer. */
export const resetBeforeAnswer: FaultHandler = (_request, response) => {
  response.socket?.destroy();
};

/** Starts a 201 answer, then drops the connection partway through its body. */
export const resetMidBody: FaultHandler = (_request, response) => {
  response.writeHead(201, { "content-type": "application/json", "content-length": "500" });
  response.write('{"access_token":"abc');
  setTimeout(() => response.socket?.destroy(), 5);
};

/** Answers with bytes that are no HTTP status line, then closes. */
export const notHttp: FaultHandler = (_request, response) => {
  response.socket?.end("SORRY, NO HTTP HERE\r\n\r\n");
};

/** Never answers. */
export const silence: FaultHandler = () => undefined;

/**
 * Passes each request on to `target` (e.g. Prism) and its answer back
 * unchanged, adding `headers` to the request (e.g. Prism's `Prefer`), so a
 * test can see what reached the upstream while the upstream still answers.
 */
export function forwardTo(target: string, headers: Record<string, string> = {}): FaultHandler {
  return (request, response, body) =>
    new Promise<void>((resolve, reject) => {
      const forwarded = httpRequest(
        new URL(request.url ?? "/", target),
        {
          method: request.method,
          headers: { ...request.headers, host: new URL(target).host, ...headers },
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          answer.once("end", resolve);
          answer.once("error", reject);
        },
      );
      forwarded.once("error", reject);
      forwarded.end(body);
    });
}

/** Answers with a redirect (`301`, `302`, `303`, `307`, `308`) to `location`. */
export function redirect(status: number, location: string): FaultHandler {
  return (_request, response) => {
    response.writeHead(status, { location, "content-type": "text/plain" });
    response.end(`moved to ${location}`);
  };
}

/**
 * A well-formed 201 token answer of `bytes` bytes, its length declared in
 * `Content-Length` or streamed in chunks without one.
 */
export function largeBody(bytes: number, length: "declared" | "streamed"): FaultHandler {
  const body = `{"access_token":"${"x".repeat(Math.max(0, bytes - 19))}"}`;
  return (_request, response) => {
    response.writeHead(201, {
      "content-type": "application/json",
      ...(length === "declared" && { "content-length": String(Buffer.byteLength(body)) }),
    });
    for (let offset = 0; offset < body.length; offset += 16_384) {
      response.write(body.slice(offset, offset + 16_384));
    }
    response.end();
  };
}

/** Answers the n-th request with the n-th handler; the last one answers every request after. */
export function inTurn(...handlers: [FaultHandler, ...FaultHandler[]]): FaultHandler {
  let calls = 0;
  return (request, response, body) => {
    const handler = handlers[Math.min(calls, handlers.length - 1)] as FaultHandler;
    calls += 1;
    return handler(request, response, body);
  };
}
