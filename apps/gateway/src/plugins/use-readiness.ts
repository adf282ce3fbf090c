import type { Plugin } from "graphql-yoga";

/** What decides whether this replica should get traffic. */
export interface Readiness {
  /** Why not, or `null` when ready. */
  notReadyBecause(): string | null;
}

/**
 * `GET /ready`: 200 when this replica can serve mints, 503 with the reason
 * otherwise (draining, no bank token yet, the rate-limit store configured
 * but unreachable). `/health` (yoga's own) stays
 * liveness: the process answers.
 */
export function useReadiness(readiness: Readiness, path = "/ready"): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== "GET" || url.pathname !== path) return;
      const reason = readiness.notReadyBecause();
      endResponse(
        new fetchAPI.Response(JSON.stringify(reason ? { ready: false, reason } : { ready: true }), {
          status: reason ? 503 : 200,
          headers: {
            "content-type": "application/json; charset=utf-8",
            "cache-control": "no-store",
          },
        }),
      );
    },
  };
}
