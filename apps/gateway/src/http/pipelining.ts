import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** The newest answer on each connection, until it closes. */
const latest = new WeakMap<Socket, ServerResponse>();

/**
 * Runs pipelined requests one at a time, each after the answer before it
 * on its connection was written. Node parses and emits a pipelined request
 * while the one before it still runs; if that one's answer then closes the
 * connection (a refusal with `Connection: close`), the later request would
 * run (and mint) with nobody to receive its answer. Here it never starts,
 * and `dropped` is called instead.
 * A connection without pipelining never waits: its previous answer is done.
 */
export function inTurn(
  request: IncomingMessage,
  response: ServerResponse,
  serve: (request: IncomingMessage, response: ServerResponse) => void,
  dropped: () => void,
): void {
  const { socket } = request;
  const before = latest.get(socket);
  latest.set(socket, response);
  response.once("close", () => {
    if (latest.get(socket) === response) latest.delete(socket);
  });
  // Node ends the connection as the answer before finishes, when that answer
  // closes it, yet still emits the requests it had already read from it.
  const serveIfAnswerable = () => {
    if (socket.writable) serve(request, response);
    // Node may never close the answer it queued for a request it will not write.
    else dropped();
  };
  if (before) before.once("close", serveIfAnswerable);
  else serveIfAnswerable();
}
