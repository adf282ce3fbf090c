/**
 * The V8 flags the gateway is deployed with, before its entry:
 * `node --max-semi-space-size=8 dist/main.js`. They cannot be set from
 * inside the process: V8 sizes its heap when it starts.
 *
 * An 8 MB semi-space (V8's default is 16 MB) halves the young generation:
 * most of a request's garbage dies young either way, so peak RSS drops at
 * no measurable CPU cost. A cap on the old generation
 * (`--max-old-space-size`) lowers peak RSS further but costs CPU and p99 in
 * extra full collections; docs/performance.md and docs/operations.md#sizing have the figures.
 */
export const NODE_FLAGS = ["--max-semi-space-size=8"] as const;
