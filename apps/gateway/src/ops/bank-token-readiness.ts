import type { TokenProvider } from "@tokengate/idp-client";
import type { Logger } from "pino";
import { LIMITS } from "../config/limits.js";
import type { SecretRegistry } from "../core/secrets.js";

/** Between two tries of the first bank token while the token endpoint fails. */
const RETRY_MS = LIMITS.BANK_TOKEN_RETRY_MS.value;

/**
 * Broker mode's bank token, observed: every token the provider hands out is
 * registered for log scrubbing (the newest few are kept), and the gateway
 * is ready while it has a usable one. The first is fetched at start; when
 * a fetch fails (the first, or a refresh after the token expired or the
 * upstream refused it), the replica is unready and the token is tried again
 * until it comes, so a replica takes traffic only when it can mint.
 */
export function observeBankTokens(
  provider: TokenProvider,
  secrets: SecretRegistry,
  logger: Logger,
): { getToken: TokenProvider; hasToken(): boolean; stop(): void } {
  let has = false;
  let stopped = false;
  const releases: (() => void)[] = [];
  let retry: NodeJS.Timeout | undefined;
  const seen = (token: string) => {
    has = true;
    releases.push(secrets.add(token));
    // A replaced token may still be echoed by a late answer; keep a few.
    while (releases.length > 4) releases.shift()?.();
    return token;
  };
  const warm = () => {
    retry = undefined;
    Promise.resolve(getToken()).catch(() => undefined);
  };
  const lost = (error: unknown) => {
    if (has || retry === undefined) logger.warn({ err: error }, "no bank token; not ready");
    has = false;
    if (!stopped && retry === undefined) {
      retry = setTimeout(warm, RETRY_MS);
      retry.unref();
    }
    throw error;
  };
  const getToken: TokenProvider = Object.assign(
    async () => Promise.resolve(provider()).then(seen, lost),
    provider.invalidate ? { invalidate: (token: string) => provider.invalidate?.(token) } : {},
  );
  warm();
  return {
    getToken,
    hasToken: () => has,
    stop: () => {
      stopped = true;
      clearTimeout(retry);
    },
  };
}
