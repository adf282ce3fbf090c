import type { Middleware } from "openapi-fetch";

/**
 * Asks Prism for a given documented response (`Prefer: code=403,
 * example=forbidden`). Only tests add it: the client never forwards
 * arbitrary headers on its own.
 */
export function preferResponse(code: number, example?: string): Middleware {
  const value = example ? `code=${code}, example=${example}` : `code=${code}`;
  return {
    onRequest({ request }) {
      request.headers.set("prefer", value);
    },
  };
}

/** Counts the requests that actually reach the transport. */
export function countingFetch(): {
  fetch: (request: Request) => Promise<Response>;
  sent: Request[];
} {
  const sent: Request[] = [];
  return {
    sent,
    fetch: (request) => {
      sent.push(request.clone());
      return fetch(request);
    },
  };
}
