import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** Answers one request however a test needs: any status, body, delay or broken socket. */
export type FaultHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
) => unknown;

export interface FaultServer {
  /** Base URL, e.g. `http://127.0.0.1:38211`. */
  url: string;
  /** Every request received so far, in order, with its body. */
  requests: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[];
  /** Replaces the handler for the requests that follow. */
  setHandler(handler: FaultHandler): void;
  /** Closes the server and every open connection. */
  close(): Promise<void>;
}

/**
 * A real HTTP server on a free loopback port, standing in for the upstream
 * where Prism cannot produce a fault (timeouts, resets, 5xx, broken bodies).
 */
export async function startFaultServer(initial: FaultHandler): Promise<FaultServer> {
  let handler = initial;
  const requests: FaultServer["requests"] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body,
      });
      Promise.resolve(handler(request, response, body)).catch(() => response.destroy());
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("fault server has no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    setHandler(next) {
      handler = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
