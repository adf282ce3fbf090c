import type { Plugin } from "graphql-yoga";

/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for exactly `origins`, never with credentials. An origin not listed
 * (`null` from a sandboxed iframe or a `file:` page included) gets no CORS
 * header at all, so the browser withholds the answer. yoga's own CORS
 * answers any unlisted origin `Access-Control-Allow-Origin: null` once two
 * or more are configured, which admits exactly the opaque origin `null`.
 * Every answer varies by `Origin`, so a cache never hands one origin's
 * headers to another.
 */
export function useCors(origins: readonly string[]): Plugin {
  const allowed = new Set(origins);
  const isAllowed = (origin: string | null): origin is string =>
    origin !== null && allowed.has(origin);
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "OPTIONS") return;
      const origin = request.headers.get("origin");
      const headers = new fetchAPI.Headers();
      if (isAllowed(origin)) {
        headers.set("access-control-allow-methods", "GET, POST");
        const requested = request.headers.get("access-control-request-headers");
        if (requested) headers.set("access-control-allow-headers", requested);
        headers.set("access-control-max-age", String(PREFLIGHT_MAX_AGE_SECONDS));
      }
      endResponse(new fetchAPI.Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      response.headers.append("vary", "Origin");
      const origin = request.headers.get("origin");
      if (isAllowed(origin)) response.headers.set("access-control-allow-origin", origin);
    },
  };
}
