/** Addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * A gateway outside production serves GraphiQL and introspection. On a
 * loopback address that is development; on any other it is a forgotten
 * `NODE_ENV=production`, so it refuses to start unless told it is meant
 * (`ALLOW_DEVELOPMENT_ON_NETWORK=true`).
 */
export function networkExposureProblem(
  host: string,
  production: boolean,
  allowed: boolean,
): string | null {
  if (production || allowed || isLoopback(host)) return null;
  return `HOST=${host} is not a loopback address, and without NODE_ENV=production the gateway would serve GraphiQL and introspection to the network: set NODE_ENV=production, or ALLOW_DEVELOPMENT_ON_NETWORK=true to serve them there on purpose`;
}
