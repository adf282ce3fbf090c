import type { ServerResponse } from "node:http";

/**
 * Writes a WHATWG `Response` (a yoga answer) to a Node response. The body is
 * read whole (GraphQL answers here are a few hundred bytes; this gateway has
 * no subscriptions or streaming results) and sent with the headers in one write.
 */
export async function respondWithFetchResponse(
  answer: Response,
  response: ServerResponse,
): Promise<void> {
  const body = answer.body === null ? "" : await answer.text();
  if (response.destroyed || response.writableEnded) return;
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") response.setHeader(name, value);
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader("set-cookie", cookies);
  response.statusCode = answer.status;
  response.end(body);
}

/** Answers with a GraphQL-shaped error body, for refusals made outside yoga. */
export function respondWithError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (!response.headersSent) {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  }
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
