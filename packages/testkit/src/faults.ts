import type { ServerResponse } from "node:http";
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
