import type { Readable } from "node:stream";
import { Pool } from "undici";
import { declaresTooMuch, ResponseBodyError, ResponseTooLargeError } from "./errors.js";

/**
 * The part of a WHATWG `Request` that openapi-fetch builds and our middleware
 * reads. Constructing a real `Request` (and `Response`, and web streams) per
 * call was the largest cost of an upstream call in profiles; this keeps the
 * headers as openapi-fetch made them and nothing more.
 */
export class WireRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
  /** openapi-fetch copies every init field the request lacks; having it keeps one shape. */
  readonly redirect: RequestInit["redirect"];
  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = typeof init.body === "string" ? init.body : undefined;
    this.signal = init.signal ?? undefined;
    this.redirect = init.redirect ?? "follow";
  }
}

/** undici's parsed response headers, read the way a `Headers` is. */
class WireHeaders {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }
}

/** A fully read answer, shaped as much like a `Response` as openapi-fetch needs. */
class WireResponse {
  readonly ok: boolean;
  readonly headers: WireHeaders;
  constructor(
    readonly status: number,
    rawHeaders: Record<string, string | string[] | undefined>,
    private readonly content: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new WireHeaders(rawHeaders);
  }
  /** openapi-fetch reads every body as text (`parseAs: "text"`); nothing else is needed. */
  text(): Promise<string> {
    return Promise.resolve(this.content);
  }
}

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

interface UndiciTransport {
  fetch(request: WireRequest): Promise<WireResponse>;
  close(): Promise<void>;
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
    body.once("error", (error) => reject(new ResponseBodyError(status, { cause: error })));
  });
}

/**
 * The default transport: one keep-alive undici `Pool` per client, requests
 * sent with `pool.request`, bodies read up to `maxResponseBytes`.
 */
export function createUndiciTransport(options: UndiciTransportOptions): UndiciTransport {
  const origin = new URL(options.baseUrl).origin;
  const pool = new Pool(origin, {
    connections: options.connections,
    keepAliveTimeout: options.keepAliveTimeoutMs,
    connect: { timeout: options.connectTimeoutMs },
    // The call's AbortSignal is the one deadline; undici's own timers stay out of its way.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const limit = options.maxResponseBytes;
  return {
    async fetch(request) {
      // openapi-fetch builds every URL from the base URL; a request moved
      // elsewhere by middleware still goes to this pool's origin.
      const path = request.url.startsWith(origin)
        ? request.url.slice(origin.length)
        : new URL(request.url).pathname;
      const response = await pool.request({
        path,
        method: request.method as "POST",
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      });
      if (declaresTooMuch(response.headers["content-length"], limit)) {
        response.body.destroy();
        throw new ResponseTooLargeError(response.statusCode, limit);
      }
      const text = await readCapped(response.statusCode, response.body, limit);
      return new WireResponse(response.statusCode, response.headers, text);
    },
    close: () => pool.close(),
  };
}
