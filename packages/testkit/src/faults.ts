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

/** Starts a 201 answer, then drops the connection partway through its body. */
export const resetMidBody: FaultHandler = (_request, response) => {
  response.writeHead(201, { "content-type": "application/json", "content-length": "500" });
  response.write('{"access_token":"abc');
  setTimeout(() => response.socket?.destroy(), 5);
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
