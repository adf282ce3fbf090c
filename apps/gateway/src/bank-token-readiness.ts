import type { TokenProvider } from "@tokengate/idp-client";
import type { Logger } from "pino";
import { LIMITS } from "./config/limits.js";
import type { SecretRegistry } from "./secrets.js";

/** Between two tries of the first bank token while the token endpoint fails. */
const RETRY_MS = LIMITS.BANK_TOKEN_RETRY_MS.value;

/**
 * Broker mode's bank token, observed: every token the provider hands out is
 * registered for log scrubbing (the newest few are kept), and the gateway
 * is ready once the first one arrived. The first is fetched at start, and
 * tried again until it comes, so a replica takes traffic only when it can mint.
 */
export function observeBankTokens(
  provider: TokenProvider,
  secrets: SecretRegistry,
  logger: Logger,
): { getToken: TokenProvider; hasToken(): boolean; stop(): void } {
  let has = false;
  const releases: (() => void)[] = [];
  let retry: NodeJS.Timeout | undefined;
  const seen = (token: string) => {
    has = true;
    releases.push(secrets.add(token));
    // A replaced token may still be echoed by a late answer; keep a few.
    while (releases.length > 4) releases.shift()?.();
    return token;
  };
  const getToken: TokenProvider = Object.assign(
    async () => seen(await provider()),
    provider.invalidate ? { invalidate: (token: string) => provider.invalidate?.(token) } : {},
  );
  const warm = () => {
    Promise.resolve(getToken()).catch((error: unknown) => {
      logger.warn({ err: error }, "no bank token yet; not ready");
      retry = setTimeout(warm, RETRY_MS);
      retry.unref();
    });
  };
  warm();
  return { getToken, hasToken: () => has, stop: () => clearTimeout(retry) };
}
