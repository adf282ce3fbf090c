/** The setting that serves GraphiQL and introspection beyond loopback on purpose. */
export const DEVELOPMENT_ON_NETWORK = "ALLOW_DEVELOPMENT_ON_NETWORK";

/** Addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * A gateway outside production serves GraphiQL and introspection. On a
 * loopback address that is development; on any other it is a forgotten
 * `NODE_ENV=production`, so it refuses to start unless told it is meant.
 */
export function networkExposureProblem(
  env: NodeJS.ProcessEnv,
  host: string,
  production: boolean,
): string | null {
  const allowed = env[DEVELOPMENT_ON_NETWORK];
  if (allowed !== undefined && allowed !== "" && allowed !== "true" && allowed !== "false")
    return `${DEVELOPMENT_ON_NETWORK} must be true or false; got ${JSON.stringify(allowed)}`;
  if (production || isLoopback(host) || allowed === "true") return null;
  return `HOST=${host} is not a loopback address, and without NODE_ENV=production the gateway would serve GraphiQL and introspection to the network: set NODE_ENV=production, or ${DEVELOPMENT_ON_NETWORK}=true to serve them there on purpose`;
}
