import { createRemoteJWKSet, customFetch, errors, type JWTVerifyGetKey } from "jose";
import type { Logger } from "pino";

import { LIMITS } from "../config/limits.js";

/** A JWKS is a few keys; a bigger answer is junk or an attack on the gateway's memory. */
const MAX_JWKS_BYTES = LIMITS.MAX_JWKS_BYTES.value;
const JWKS_TIMEOUT_MS = LIMITS.JWKS_TIMEOUT_MS.value;

/** `fetch`, refusing a body over `MAX_JWKS_BYTES` before or while reading it. */
async function cappedFetch(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (Number(response.headers.get("content-length")) > MAX_JWKS_BYTES) {
    await response.body?.cancel();
    throw new errors.JWKSInvalid(`the JWKS answer is larger than ${MAX_JWKS_BYTES} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    size += read.value.byteLength;
    if (size > MAX_JWKS_BYTES) {
      await reader?.cancel();
      throw new errors.JWKSInvalid(`the JWKS answer is larger than ${MAX_JWKS_BYTES} bytes`);
    }
    chunks.push(read.value);
  }
  return new Response(Buffer.concat(chunks), {
    status: response.status,
    headers: response.headers,
  });
}

/** An answer about the token (no such key), as opposed to the key endpoint failing. */
function isAboutTheToken(error: unknown): boolean {
  return (
    error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys
  );
}

/**
 * The caller tokens' keys, from a remote JWKS (jose caches it; an unknown
 * key id triggers at most one refetch per cooldown). A failed fetch (an
 * error status, junk, a timeout, an oversized answer) is remembered for
 * the cooldown too, and logged once: a failing key endpoint is not fetched
 * again for every request.
 */
export function createCallerKeys(
  jwksUrl: string,
  cooldownMs: number,
  logger: Logger,
): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl), {
    cooldownDuration: cooldownMs,
    timeoutDuration: JWKS_TIMEOUT_MS,
    [customFetch]: cappedFetch,
  });
  let failure: { error: unknown; until: number } | undefined;
  return async (header, token) => {
    if (failure && Date.now() < failure.until) throw failure.error;
    try {
      const key = await remote(header, token);
      failure = undefined;
      return key;
    } catch (error) {
      if (!isAboutTheToken(error)) {
        failure = { error, until: Date.now() + cooldownMs };
        logger.warn({ err: error, retryInMs: cooldownMs }, "the JWKS could not be fetched");
      }
      throw error;
    }
  };
}
