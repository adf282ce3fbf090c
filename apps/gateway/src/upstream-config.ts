import { readFileSync } from "node:fs";
import { PUBLISHED_RATE_LIMITS } from "@tokengate/idp-client";
import { integerSetting } from "./env.js";

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
    /** `TOKEN_CACHE_KEY_FILE`'s AES-256-GCM key; required when the cache is in Redis. */
    key: Buffer | null;
  } | null;
}

const mintDefault = PUBLISHED_RATE_LIMITS.createCustomerToken;
const tokenDefault = PUBLISHED_RATE_LIMITS.createBankToken;

/**
 * A token with 20 of the production lifetime's 30 minutes left is still a
 * long-lived answer for a caller, and every identical mint within the first
 * 10 minutes (two of the upstream's 5-minute windows) is answered without
 * an upstream call.
 */
export const DEFAULT_MIN_REMAINING_SECONDS = 1_200;

/** 32 bytes, written as 64 hex digits or in base64. */
function keyFrom(path: string, problems: string[]): Buffer | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (error) {
    problems.push(
      `TOKEN_CACHE_KEY_FILE could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
    return null;
  }
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) {
    // Never the file's content: it is a secret.
    problems.push("TOKEN_CACHE_KEY_FILE must hold a 32-byte key, as 64 hex digits or in base64");
    return null;
  }
  return key;
}

/**
 * The upstream budget's and token reuse's settings. Reuse is on by default
 * in broker mode (the gateway's own bank token, verified callers) and off in
 * passthrough; through Redis it needs a key, since tokens are stored there.
 */
export function loadUpstreamConfig(
  env: NodeJS.ProcessEnv,
  broker: boolean,
  redis: boolean,
  problems: string[],
): UpstreamConfig {
  const budget = {
    mintLimit: integerSetting(
      env,
      "UPSTREAM_MINT_LIMIT",
      mintDefault.requests,
      0,
      1_000_000,
      problems,
    ),
    tokenLimit: integerSetting(
      env,
      "UPSTREAM_TOKEN_LIMIT",
      tokenDefault.requests,
      0,
      1_000_000,
      problems,
    ),
    windowSeconds: integerSetting(
      env,
      "UPSTREAM_LIMIT_WINDOW_S",
      mintDefault.windowSeconds,
      1,
      86_400,
      problems,
    ),
  };
  const switchText = env.TOKEN_REUSE?.trim().toLowerCase() || (broker ? "on" : "off");
  if (switchText !== "on" && switchText !== "off")
    problems.push(`TOKEN_REUSE must be on or off; got ${JSON.stringify(env.TOKEN_REUSE)}`);
  const minRemainingSeconds = integerSetting(
    env,
    "TOKEN_REUSE_MIN_REMAINING_S",
    DEFAULT_MIN_REMAINING_SECONDS,
    0,
    86_400,
    problems,
  );
  if (switchText !== "on") {
    if (env.TOKEN_CACHE_KEY_FILE) problems.push("TOKEN_CACHE_KEY_FILE needs TOKEN_REUSE=on");
    return { budget, reuse: null };
  }
  const key = env.TOKEN_CACHE_KEY_FILE ? keyFrom(env.TOKEN_CACHE_KEY_FILE, problems) : null;
  if (redis && !env.TOKEN_CACHE_KEY_FILE) {
    problems.push(
      "TOKEN_REUSE with REDIS_URL needs TOKEN_CACHE_KEY_FILE (a 32-byte AES-256-GCM key): reused tokens are stored in Redis encrypted; or set TOKEN_REUSE=off",
    );
  }
  return { budget, reuse: { minRemainingSeconds, key } };
}
