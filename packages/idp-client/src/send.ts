import createClient, { type Middleware } from "openapi-fetch";
import type { Deadline } from "./deadline.js";
import type { paths } from "./generated/openapi.js";
import type { OperationDescriptor } from "./operation.js";
import { type ParsedBody, parseJson } from "./response.js";
import { headerOf, type OutgoingRequest, type Transport } from "./transport/index.js";
import { outgoingOf, responseOf } from "./web-objects.js";

/** What one attempt read: the status, the body, `Retry-After`, and the `Response` on demand. */
export interface Received {
  status: number;
  body: ParsedBody;
  retryAfter: string | null;
  /** The answer as a WHATWG `Response`: made on first call, unless middleware already made it. */
  response: () => Response;
}

/**
 * Sends one attempt of an operation and reads what came back; rejects with
 * what the transport or a middleware threw. `headers` has lower-case names.
 */
export type Send = <Request, Answer, Data extends Answer>(
  operation: OperationDescriptor<Request, Answer, Data>,
  request: Request,
  headers: Record<string, string>,
  deadline: Deadline,
) => Promise<Received>;

interface SendOptions {
  baseUrl: string;
  transport: Transport;
  middleware: Middleware[];
}

/** A parameter value as the query string or path writes it. */
function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Path (the spec's template, parameters filled in) and query of a parameters request. */
function target<Request, Answer, Data extends Answer>(
  operation: OperationDescriptor<Request, Answer, Data>,
  request: Request,
): string {
  const values = request as Record<string, unknown>;
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeURIComponent(text(values[name])),
  );
  const query = new URLSearchParams();
  for (const name of operation.queryParameters) {
    const value = values[name];
    if (value !== undefined && value !== null) query.append(name, text(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Without middleware, straight to the transport: no WHATWG object is made
 * per call. With middleware, through openapi-fetch, so that every middleware
 * gets the real `Request` and `Response` its documentation promises.
 */
export function createSend(options: SendOptions): Send {
  if (options.middleware.length > 0) return sendThroughMiddleware(options);
  const { transport } = options;
  // The base URL's own path, if any, comes first (openapi-fetch joins them the same way).
  const prefix = new URL(options.baseUrl).pathname.replace(/\/+$/, "");
  return async (operation, request, headers, deadline) => {
    const withBody = operation.requestKind === "body";
    const outgoing: OutgoingRequest = {
      method: operation.method,
      path: prefix + (withBody ? operation.path : target(operation, request)),
      headers,
      body: withBody ? JSON.stringify(request) : undefined,
    };
    const answer = await transport.send(outgoing, deadline);
    return {
      status: answer.status,
      body: parseJson(answer.body),
      retryAfter: headerOf(answer, "retry-after"),
      response: () => responseOf(answer),
    };
  };
}

function sendThroughMiddleware({ baseUrl, transport, middleware }: SendOptions): Send {
  const client = createClient<paths>({ baseUrl });
  client.use(...middleware);
  const origin = new URL(baseUrl).origin;
  return async (operation, request, headers, deadline) => {
    const { data, error, response } = await deadline.race(
      operation.viaOpenapiFetch(client, request, {
        headers,
        parseAs: "text",
        signal: deadline.toAbortSignal(),
        // What the transport does anyway; said here so middleware sees it.
        redirect: "manual",
        fetch: async (outgoing) =>
          responseOf(await transport.send(await outgoingOf(outgoing, origin), deadline)),
      }),
    );
    // openapi-fetch hands back a 2xx body as text and tries JSON.parse on any
    // other; bring both to one shape (a non-2xx body that parses to a bare
    // string reads as not JSON: no documented answer is one).
    const body: ParsedBody = response.ok
      ? parseJson(typeof data === "string" ? data : "")
      : typeof error === "string" || error === undefined
        ? { ok: false }
        : { ok: true, value: error };
    return {
      status: response.status,
      body,
      retryAfter: response.headers.get("retry-after"),
      response: () => response,
    };
  };
}
