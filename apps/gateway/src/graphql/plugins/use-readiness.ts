import { type Plugin, useReadinessCheck } from "graphql-yoga";

/** What decides whether this replica should get traffic. */
export interface Readiness {
  /** Why a mint sent here now would not be served, or `null` when it would. */
  notReadyBecause(): string | null;
  /** Why mints are served with less than the configured guarantees (limits counted per replica), or `null`. */
  degradedBecause(): string | null;
}

/**
 * `GET /ready`, through yoga's own readiness plugin: 200 when a mint sent to
 * this replica now would be served (with `degraded` when it is served with
 * weaker guarantees, e.g. limits counted per replica while the shared store
 * fails), 503 with the reason otherwise (draining, no usable bank token).
 * `/health` (yoga's own) stays liveness: the process answers.
 */
export function useReadiness(readiness: Readiness, endpoint = "/ready"): Plugin {
  const yogaReadiness = useReadinessCheck({
    endpoint,
    check({ fetchAPI }) {
      const reason = readiness.notReadyBecause();
      const degraded = reason ? null : readiness.degradedBecause();
      const answer = reason
        ? { ready: false, reason }
        : { ready: true, ...(degraded && { degraded }) };
      return new fetchAPI.Response(JSON.stringify(answer), {
        status: reason ? 503 : 200,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "cache-control": "no-store",
        },
      });
    },
  });
  return {
    ...yogaReadiness,
    // yoga's plugin matches every request's URL against a URLPattern, about
    // 2% of a mint's CPU: only a request for the endpoint itself reaches it.
    onRequest(payload) {
      if (payload.url.pathname === endpoint) return yogaReadiness.onRequest?.(payload);
    },
  };
}
