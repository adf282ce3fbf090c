import type { Logger } from "pino";
import type { GatewayConfig } from "../config/load-config.js";
import { readClientSecretFile } from "../config/secret-file.js";
import { readCacheKey } from "../config/upstream.js";
import type { SecretRegistry } from "../core/secrets.js";
import { watchSecretFile } from "./watched-secret.js";

/** The secrets that files hold, read again when a file changes, without a restart. */
export interface RotatingSecrets {
  /** Broker mode's client secret now: the token endpoint gets it from the next bank-token request on. */
  clientSecret(): string;
  /** The token cache key now (`TOKEN_CACHE_KEY_FILE`), or `null` without one. */
  cacheKey: (() => Buffer) | null;
  /** Reads every secret file again (SIGHUP). */
  reread(): void;
  close(): void;
}

/**
 * `IDP_CLIENT_SECRET_FILE` and `TOKEN_CACHE_KEY_FILE`, watched. A new client
 * secret joins the secrets scrubbed from logs before it is used, and the old
 * one stays scrubbed (an answer in flight may still echo it); a new cache
 * key encrypts and names the tokens stored from then on. A secret given
 * directly (`IDP_CLIENT_SECRET`) changes only with a restart.
 */
export function rotatingSecrets(
  config: GatewayConfig,
  logger: Logger,
  secrets: SecretRegistry,
): RotatingSecrets {
  const broker = config.broker;
  const clientSecret = broker?.clientSecretFile
    ? watchSecretFile({
        name: "IDP_CLIENT_SECRET_FILE",
        path: broker.clientSecretFile,
        initial: broker.clientSecret,
        read: readClientSecretFile,
        same: (a, b) => a === b,
        changed: (secret) => secrets.add(secret),
        logger,
      })
    : null;
  const reuse = config.upstream.reuse;
  const cacheKey =
    reuse?.key && reuse.keyFile
      ? watchSecretFile({
          name: "TOKEN_CACHE_KEY_FILE",
          path: reuse.keyFile,
          initial: reuse.key,
          read: readCacheKey,
          same: (a, b) => a.equals(b),
          changed: () => undefined,
          logger,
        })
      : null;
  const watched = [clientSecret, cacheKey].filter((file) => file !== null);
  const fixed = broker?.clientSecret ?? "";
  return {
    clientSecret: clientSecret ? clientSecret.current : () => fixed,
    cacheKey: cacheKey ? cacheKey.current : null,
    reread: () => {
      for (const file of watched) file.reread();
    },
    close: () => {
      for (const file of watched) file.close();
    },
  };
}
