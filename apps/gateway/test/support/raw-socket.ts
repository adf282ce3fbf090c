import { connect, type Socket } from "node:net";

/** A TCP connection to `baseUrl`'s host and port, for requests written byte by byte. */
export function openSocket(baseUrl: string): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

export interface Exchange {
  /** Everything the server sent back. */
  reply: string;
  /** When the server closed the connection, or `null` if it was still open after `ms`. */
  closedAfterMs: number | null;
  /** The socket error the client saw (`EPIPE`, `ECONNRESET`), if any. */
  errorCode: string | null;
}

/** Writes `text` and collects what comes back until the server closes the socket (or `ms` pass). */
export function exchange(socket: Socket, text: string | Buffer, ms = 3_000): Promise<Exchange> {
  const started = Date.now();
  return new Promise((resolve) => {
    let reply = "";
    let errorCode: string | null = null;
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      errorCode ??= error.code ?? "unknown";
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closedAfterMs: null, errorCode });
    }, ms);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve({ reply, closedAfterMs: Date.now() - started, errorCode });
    });
    socket.write(text);
  });
}

/** The status line of every HTTP response in `reply`, in order. */
export function statusLines(reply: string): string[] {
  return reply.match(/HTTP\/1\.1 \d{3}[^\r\n]*/g) ?? [];
}

/**
 * Writes `text` whole before reading anything, as a simple client does,
 * then reads until the server closes: what such a client gets to see.
 */
export function writeThenRead(
  socket: Socket,
  text: string | Buffer,
  ms = 5_000,
): Promise<Exchange> {
  const started = Date.now();
  return new Promise((resolve) => {
    let reply = "";
    let errorCode: string | null = null;
    socket.on("error", (error: NodeJS.ErrnoException) => {
      errorCode ??= error.code ?? "unknown";
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closedAfterMs: null, errorCode });
    }, ms);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve({ reply, closedAfterMs: Date.now() - started, errorCode });
    });
    socket.pause();
    socket.write(text, () => {
      socket.on("data", (chunk) => {
        reply += chunk.toString("utf8");
      });
      socket.resume();
    });
  });
}
