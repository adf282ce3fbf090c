import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";
import type { Logger } from "pino";

import { LIMITS } from "../config/limits.js";

/** A JWKS is a few keys; a bigger answer is junk or an attack on the gateway's memory. */
const MAX_JWKS_BYTES = LIMITS.MAX_JWKS_BYTES.value;
const JWKS_TIMEOUT_MS = LIMITS.JWKS_TIMEOUT_MS.value;

/** `fetch`, refusing a body over `MAX_JWKS_BYTES` before or while reading it; `seen` gets each 200 answer's text. */
async function cappedFetch(
  url: string,
  init: RequestInit,
  seen: (status: number, text: string) => void,
): Promise<Response> {
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
  const body = Buffer.concat(chunks);
  seen(response.status, body.toString("utf8"));
  return new Response(body, { status: response.status, headers: response.headers });
}

/** The key set in a JWKS answer, or `undefined` if it is not one. */
function keySetOf(status: number, text: string): JWTVerifyGetKey | undefined {
  if (status !== 200) return undefined;
  try {
    return createLocalJWKSet(JSON.parse(text) as JSONWebKeySet);
  } catch {
    return undefined;
  }
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
 * the cooldown and logged once: a failing key endpoint is not fetched
 * again for every request. Meanwhile tokens are verified against the last
 * key set fetched: a failed refetch holds off refetches, it does not lock
 * out the callers whose keys are known. A token whose key is unknown then
 * gets the fetch's failure (its key may be a new one not yet fetched).
 */
export function createCallerKeys(
  jwksUrl: string,
  cooldownMs: number,
  logger: Logger,
): JWTVerifyGetKey {
  let lastGood: JWTVerifyGetKey | undefined;
  const remote = createRemoteJWKSet(new URL(jwksUrl), {
    cooldownDuration: cooldownMs,
    timeoutDuration: JWKS_TIMEOUT_MS,
    [customFetch]: (url: string, init: RequestInit) =>
      cappedFetch(url, init, (status, text) => {
        lastGood = keySetOf(status, text) ?? lastGood;
      }),
  });
  let failure: { error: unknown; until: number } | undefined;
  const fromLastGood: JWTVerifyGetKey = async (header, token) => {
    if (!lastGood) throw failure?.error;
    try {
      return await lastGood(header, token);
    } catch (error) {
      throw isAboutTheToken(error) ? failure?.error : error;
    }
  };
  return async (header, token) => {
    if (failure && Date.now() < failure.until) return fromLastGood(header, token);
    try {
      const key = await remote(header, token);
      failure = undefined;
      return key;
    } catch (error) {
      if (isAboutTheToken(error)) throw error;
      failure = { error, until: Date.now() + cooldownMs };
      logger.warn({ err: error, retryInMs: cooldownMs }, "the JWKS could not be fetched");
      return fromLastGood(header, token);
    }
  };
}
