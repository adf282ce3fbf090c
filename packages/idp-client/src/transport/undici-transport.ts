import type { Readable } from "node:stream";
import { Pool } from "undici";
import type { Deadline } from "../deadline.js";
import { ResponseTooLargeError, refusalOf } from "./errors.js";
import { failureBeforeAnswer, failureReadingBody } from "./network-failure.js";
import { Slots } from "./slots.js";
import type { Answer, OutgoingRequest, Transport } from "./transport.js";

interface UndiciTransportOptions {
  /** The client's base URL, e.g. `https://id.sandbox.cybrid.app`; requests go to its origin. */
  baseUrl: string;
  /** Most sockets kept open to the upstream. */
  connections: number;
  /** Idle time before a kept-alive socket is closed (unless the upstream says less). */
  keepAliveTimeoutMs: number;
  /** Bounds connecting; the call's own deadline bounds the rest. */
  connectTimeoutMs: number;
  maxResponseBytes: number;
}

/**
 * Reads a body up to `limit` bytes with plain stream events: `for await`
 * over a stream costs an async iterator and a promise per chunk.
 */
function readCapped(status: number, body: Readable, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        body.destroy();
        reject(new ResponseTooLargeError(status, limit));
        return;
      }
      chunks.push(chunk);
    });
    body.once("end", () =>
      resolve(
        chunks.length === 1
          ? (chunks[0] as Buffer).toString("utf8")
          : Buffer.concat(chunks).toString("utf8"),
      ),
    );
    body.once("error", (error) => reject(failureReadingBody(status, error)));
  });
}

/**
 * The default transport: one keep-alive undici `Pool` per client, requests
 * sent with `pool.request` (which never follows a redirect), bodies read up
 * to `maxResponseBytes`. No WHATWG objects are made per call. Requests wait
 * for a socket in `Slots`, and one whose call could no longer be answered
 * in time by then is not sent.
 */
export function createUndiciTransport(options: UndiciTransportOptions): Transport {
  const pool = new Pool(new URL(options.baseUrl).origin, {
    connections: options.connections,
    keepAliveTimeout: options.keepAliveTimeoutMs,
    connect: { timeout: options.connectTimeoutMs },
    // The call's deadline is its one clock; undici's own timers stay out of its way.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const limit = options.maxResponseBytes;
  const slots = new Slots(options.connections);

  async function sendOnFreeSocket(request: OutgoingRequest, deadline: Deadline): Promise<Answer> {
    deadline.ensureTimeToSend();
    let response: Awaited<ReturnType<typeof pool.request>>;
    try {
      response = await pool.request({
        path: request.path,
        method: request.method,
        headers: request.headers,
        body: request.body,
        // undici takes any emitter with `aborted`/`reason` as a signal: the deadline itself.
        signal: deadline,
      });
    } catch (thrown) {
      throw failureBeforeAnswer(thrown);
    }
    const status = response.statusCode;
    const refusal = refusalOf(status, response.headers["content-length"], limit);
    if (refusal) {
      // Destroying an unfinished body emits an abort error nobody else waits for.
      response.body.once("error", () => undefined).destroy();
      throw refusal;
    }
    return {
      status,
      headers: response.headers,
      body: await readCapped(status, response.body, limit),
    };
  }

  return {
    async send(request, deadline) {
      await slots.acquire(deadline);
      try {
        return await sendOnFreeSocket(request, deadline);
      } finally {
        slots.release();
      }
    },
    close: () => pool.close(),
  };
}
