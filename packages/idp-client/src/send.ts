import createClient, { type Middleware } from "openapi-fetch";
import type { Deadline } from "./deadline.js";
import type { paths } from "./generated/openapi.js";
import { type ParsedBody, parseJson } from "./response.js";
import { type CreateCustomerTokenResult, resultOf } from "./result.js";
import { headerOf, type Transport } from "./transport/index.js";
import type { CreateCustomerTokenRequest } from "./types.js";
import { outgoingOf, responseOf } from "./web-objects.js";

/** The operation's path in the spec. */
const MINT_PATH = "/api/customer_tokens" satisfies keyof paths;

/**
 * Sends one attempt and reads what came back; rejects with what the
 * transport or a middleware threw. `headers` has lower-case names.
 */
export type Send = (
  body: CreateCustomerTokenRequest,
  headers: Record<string, string>,
  deadline: Deadline,
) => Promise<CreateCustomerTokenResult>;

interface SendOptions {
  baseUrl: string;
  transport: Transport;
  middleware: Middleware[];
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
  const path = new URL(options.baseUrl).pathname.replace(/\/+$/, "") + MINT_PATH;
  return async (body, headers, deadline) => {
    const request = { method: "POST", path, headers, body: JSON.stringify(body) };
    const answer = await transport.send(request, deadline);
    return resultOf(answer.status, parseJson(answer.body), headerOf(answer, "retry-after"), () =>
      responseOf(answer),
    );
  };
}

function sendThroughMiddleware({ baseUrl, transport, middleware }: SendOptions): Send {
  const client = createClient<paths>({ baseUrl });
  client.use(...middleware);
  const origin = new URL(baseUrl).origin;
  return async (body, headers, deadline) => {
    const { data, error, response } = await deadline.race(
      client.POST(MINT_PATH, {
        body,
        headers,
        parseAs: "text",
        signal: deadline.toAbortSignal(),
        // What the transport does anyway; said here so middleware sees it.
        redirect: "manual",
        fetch: async (request) =>
          responseOf(await transport.send(await outgoingOf(request, origin), deadline)),
      }),
    );
    // openapi-fetch hands back a 2xx body as text and tries JSON.parse on any
    // other; bring both to one shape (a non-2xx body that parses to a bare
    // string reads as not JSON: no documented answer is one).
    const parsed: ParsedBody = response.ok
      ? parseJson(data ?? "")
      : typeof error === "string" || error === undefined
        ? { ok: false }
        : { ok: true, value: error };
    return resultOf(response.status, parsed, response.headers.get("retry-after"), () => response);
  };
}
