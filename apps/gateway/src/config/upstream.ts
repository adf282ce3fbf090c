import type { Parsed } from "./parsed.js";
import { readSecretFile } from "./secret-file.js";
import type { SettingValues } from "./settings.js";

/** How much of the upstream's per-IP budget this gateway spends, and whether it reuses tokens. */
export interface UpstreamConfig {
  budget: {
    /** `UPSTREAM_MINT_LIMIT`: mints sent per window; 0: not counted. */
    mintLimit: number;
    /** `UPSTREAM_TOKEN_LIMIT`: bank-token requests sent per window; 0: not counted. */
    tokenLimit: number;
    /** `UPSTREAM_LIMIT_WINDOW_S`: the window, in seconds. */
    windowSeconds: number;
  };
  /** Token reuse, or `null` when off (`TOKEN_REUSE`). */
  reuse: {
    /** `TOKEN_REUSE_MIN_REMAINING_S`: a token is handed out again only while it has this long left. */
    minRemainingSeconds: number;
    /** `TOKEN_CACHE_KEY_FILE`'s AES-256-GCM key as read at start; required when the cache is in Redis. */
    key: Buffer | null;
    /** `TOKEN_CACHE_KEY_FILE`'s path, watched for a rotated key. */
    keyFile: string | null;
  } | null;
}

/**
 * The token cache key in the file at `path`, at start and on every
 * rotation: 32 bytes, written as 64 hex digits or in base64; a problem
 * never quotes the file.
 */
export function readCacheKey(path: string, name: string): Parsed<Buffer> {
  const read = readSecretFile(path, name);
  if ("problem" in read) return read;
  const text = read.value.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32)
    return { problem: `${name} must hold a 32-byte key, as 64 hex digits or in base64` };
  return read.warning ? { value: key, warning: read.warning } : { value: key };
}

function keyFrom(path: string, problems: string[], warnings: string[]): Buffer | null {
  const read = readCacheKey(path, "TOKEN_CACHE_KEY_FILE");
  if ("problem" in read) {
    problems.push(read.problem);
    return null;
  }
  if (read.warning) warnings.push(read.warning);
  return read.value;
}

/**
 * The upstream budget, and token reuse: on by default in broker mode (the
 * gateway's own bank token, verified callers), off in passthrough. Reuse
 * through Redis stores tokens there, so it needs a key: without one the
 * gateway refuses to start rather than store tokens in clear.
 */
export function upstreamFrom(
  values: SettingValues,
  broker: boolean,
  problems: string[],
  warnings: string[],
): UpstreamConfig {
  const budget = {
    mintLimit: values.UPSTREAM_MINT_LIMIT,
    tokenLimit: values.UPSTREAM_TOKEN_LIMIT,
    windowSeconds: values.UPSTREAM_LIMIT_WINDOW_S,
  };
  if ((values.TOKEN_REUSE ?? (broker ? "on" : "off")) === "off") return { budget, reuse: null };
  const key = values.TOKEN_CACHE_KEY_FILE
    ? keyFrom(values.TOKEN_CACHE_KEY_FILE, problems, warnings)
    : null;
  if (values.REDIS_URL && !values.TOKEN_CACHE_KEY_FILE) {
    problems.push(
      "TOKEN_REUSE with REDIS_URL needs TOKEN_CACHE_KEY_FILE (a 32-byte AES-256-GCM key): reused tokens are stored in Redis encrypted; or set TOKEN_REUSE=off",
    );
  }
  return {
    budget,
    reuse: {
      minRemainingSeconds: values.TOKEN_REUSE_MIN_REMAINING_S,
      key,
      keyFile: values.TOKEN_CACHE_KEY_FILE,
    },
  };
}
