import { type Answer, OtherOriginError, type OutgoingRequest } from "./transport/index.js";

/** Statuses whose `Response` must have no body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * A WHATWG `Request` (as openapi-fetch and its middleware left it) as the
 * transport sends it. Refuses another origin: the bank token and body go only
 * to the client's `baseUrl`, whatever a middleware does.
 */
export async function outgoingOf(request: Request, origin: string): Promise<OutgoingRequest> {
  const url = new URL(request.url);
  if (url.origin !== origin) throw new OtherOriginError();
  return {
    method: request.method,
    path: url.pathname + url.search,
    headers: Object.fromEntries(request.headers),
    body: request.body === null ? undefined : await request.text(),
  };
}

/** An answer as a WHATWG `Response`, its body unread. */
export function responseOf(answer: Answer): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.append(name, value);
  }
  const body = NULL_BODY_STATUSES.has(answer.status) ? null : answer.body;
  return new Response(body, { status: answer.status, headers });
}
