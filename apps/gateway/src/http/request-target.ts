import type { IncomingMessage } from "node:http";

/**
 * A `Host` that names a server and nothing else: a DNS or internal name, an
 * IPv4 address or a bracketed IPv6 address, and an optional port. yoga's
 * adapter builds the request URL as `http://${Host}${target}`, so a Host
 * holding `/`, `?`, `#` or `@` would move the path or query it routes on.
 */
const HOST = /^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * True when the request can be routed as sent: an origin-form target
 * (`/graphql?…`; not `http://…` or `*`) and a well-formed `Host` (or
 * none, as HTTP/1.0 allows). Anything else would reach yoga as another URL
 * than the caller's target, or make no URL at all (yoga would answer 500).
 */
export function hasRoutableTarget(request: IncomingMessage): boolean {
  const target = request.url ?? "";
  const { host } = request.headers;
  if (!target.startsWith("/")) return false;
  if (host !== undefined && !HOST.test(host)) return false;
  return URL.canParse(`http://${host ?? "localhost"}${target}`);
}
