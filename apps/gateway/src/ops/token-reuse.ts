import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import type { CreateCustomerTokenRequest, CustomerToken } from "@tokengate/idp-client";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { jwtExpiry } from "../jwt-expiry.js";
import { throttledWarning } from "../throttled-warning.js";
import type { SharedStore } from "./shared-store.js";

/** What reuse reports, as metrics. */
export interface ReuseEvents {
  /** A mint answered from the cache (`hit`), by an identical mint in flight (`shared`), or upstream (`miss`). */
  looked(result: "hit" | "shared" | "miss"): void;
  /** The shared store failed a read or a write; the mint went upstream or was not kept. */
  storeFailed(): void;
}

export interface ReuseSettings {
  /** A token is handed out again only while it has at least this long left. */
  minRemainingSeconds: number;
  /** The AES-256-GCM key of the shared cache (32 bytes); required with Redis. */
  key: Buffer | null;
}

/** Who asked: broker mode's verified caller, or a digest of passthrough's bank bearer (never the bearer). */
export type Principal = { caller: string } | { bearer: string };

/** A mint to run when no token can be reused; `signal` aborts when every caller waiting on it is gone. */
export type Mint<T> = (signal: AbortSignal) => Promise<T>;

/** The outcome of a mint, and the token if it gave one. */
export interface Minted<T> {
  outcome: T;
  token: CustomerToken | null;
}

/** A stored token, or what a mint gave (`shared`: another identical request's mint). */
export type Obtained<T> =
  | { from: "cache"; token: CustomerToken }
  | { from: "mint"; minted: Minted<T>; shared: boolean };

export interface TokenReuse {
  /**
   * The token for `request` by `principal`: a stored one with enough life
   * left, else what `mint` gives, run once for every identical request in
   * flight at the same time. A new token is stored for the next.
   */
  obtain<T>(
    principal: Principal,
    request: CreateCustomerTokenRequest,
    signal: AbortSignal,
    mint: Mint<Minted<T>>,
  ): Promise<Obtained<T>>;
}

/** The inputs that change what a token grants and who asked, in one canonical string. */
function canonical(principal: Principal, request: CreateCustomerTokenRequest): string {
  const who =
    "caller" in principal
      ? `caller:${principal.caller}`
      : `bearer:${createHash("sha256").update(principal.bearer).digest("hex")}`;
  return JSON.stringify([
    who,
    request.customer_guid,
    [...request.scopes].sort(),
    // Omitted or null: the upstream's default, true.
    request.inherit_ip_allowlist ?? true,
    request.ip_allowlist ? [...request.ip_allowlist].sort() : null,
  ]);
}

interface Store {
  get(id: string): Promise<CustomerToken | null>;
  set(id: string, token: CustomerToken, ttlMs: number): Promise<void>;
}

/** At most this many tokens kept per replica; the oldest go first. */
const MEMORY_ENTRIES = 10_000;

function memoryStore(): Store {
  const entries = new Map<string, { token: CustomerToken; until: number }>();
  return {
    async get(id) {
      const entry = entries.get(id);
      if (!entry) return null;
      if (entry.until > Date.now()) return entry.token;
      entries.delete(id);
      return null;
    },
    async set(id, token, ttlMs) {
      entries.delete(id);
      entries.set(id, { token, until: Date.now() + ttlMs });
      if (entries.size > MEMORY_ENTRIES) entries.delete(entries.keys().next().value as string);
    },
  };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Tokens in Redis, encrypted with AES-256-GCM under `key` (a fresh IV per
 * value, the Redis key as associated data so a value cannot be moved to
 * another key). Keys are HMACs of the inputs: no guid, caller or bearer in clear.
 */
function redisStore(redis: Redis, key: Buffer): Store {
  const redisKey = (id: string) => `tokengate:token-cache:${id}`;
  return {
    async get(id) {
      const stored = await redis.getBuffer(redisKey(id));
      if (!stored || stored.length <= IV_BYTES + TAG_BYTES) return null;
      const decipher = createDecipheriv("aes-256-gcm", key, stored.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(redisKey(id)));
      decipher.setAuthTag(stored.subarray(stored.length - TAG_BYTES));
      try {
        const clear = Buffer.concat([
          decipher.update(stored.subarray(IV_BYTES, stored.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return JSON.parse(clear.toString("utf8")) as CustomerToken;
      } catch {
        // Another key, or tampered with: not a token this gateway stored.
        return null;
      }
    },
    async set(id, token, ttlMs) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(redisKey(id)));
      const sealed = Buffer.concat([
        iv,
        cipher.update(JSON.stringify(token), "utf8"),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      await redis.set(redisKey(id), sealed, "PX", ttlMs);
    },
  };
}

/** A mint in flight, shared by identical requests; aborted only when all its callers are gone. */
interface Flight<T> {
  done: Promise<Minted<T>>;
  waiting: number;
  controller: AbortController;
}

/**
 * Reuse of still-valid customer tokens: in memory, or given the `shared`
 * store, in Redis shared by replicas and encrypted at rest. A store that
 * fails, or is held off after a failure (see shared-store.ts), is a miss
 * (the mint goes upstream, within the budget), never an error.
 */
export function createTokenReuse(
  settings: ReuseSettings,
  events: ReuseEvents,
  logger: Logger,
  shared: SharedStore | null,
): TokenReuse {
  if (shared && !settings.key) throw new Error("token reuse in Redis needs an encryption key");
  // Digests are keyed: with the cache key in Redis, else a per-process secret.
  const digestKey = settings.key ?? randomBytes(32);
  const store = shared && settings.key ? redisStore(shared.redis, settings.key) : memoryStore();
  const flights = new Map<string, Flight<unknown>>();
  const warn = throttledWarning(logger, "token cache unreachable; minting upstream");
  const minRemainingMs = settings.minRemainingSeconds * 1_000;

  function safely<T>(run: () => Promise<T>, fallback: T): Promise<T> {
    if (!shared) return run();
    return shared.decide(
      run,
      async () => fallback,
      (error) => {
        if (error) warn({ error: error.message });
        events.storeFailed();
      },
    );
  }

  /** Waits for `flight` on behalf of one caller, who leaves it when `signal` aborts. */
  async function join<T>(flight: Flight<T>, signal: AbortSignal): Promise<Minted<T>> {
    flight.waiting += 1;
    const leave = () => {
      flight.waiting -= 1;
      if (flight.waiting === 0) flight.controller.abort(signal.reason);
    };
    if (signal.aborted) leave();
    else signal.addEventListener("abort", leave, { once: true });
    try {
      return await flight.done;
    } finally {
      signal.removeEventListener("abort", leave);
    }
  }

  function start<T>(id: string, mint: Mint<Minted<T>>): Flight<T> {
    const controller = new AbortController();
    const flight: Flight<T> = {
      waiting: 0,
      controller,
      done: mint(controller.signal).then(async (minted) => {
        const expiresAt = minted.token && jwtExpiry(minted.token.access_token);
        const ttlMs = expiresAt ? expiresAt.getTime() - Date.now() - minRemainingMs : 0;
        if (minted.token && ttlMs > 0) {
          const token = minted.token;
          await safely(() => store.set(id, token, ttlMs), undefined);
        }
        return minted;
      }),
    };
    flights.set(id, flight as Flight<unknown>);
    const forget = () => flights.delete(id);
    flight.done.then(forget, forget);
    return flight;
  }

  return {
    async obtain<T>(
      principal: Principal,
      request: CreateCustomerTokenRequest,
      signal: AbortSignal,
      mint: Mint<Minted<T>>,
    ): Promise<Obtained<T>> {
      const id = createHmac("sha256", digestKey)
        .update(canonical(principal, request))
        .digest("hex");
      const token = flights.has(id) ? null : await safely(() => store.get(id), null);
      if (token) {
        events.looked("hit");
        return { from: "cache", token };
      }
      // Looked up again after the await: an identical mint may have started meanwhile.
      const running = flights.get(id) as Flight<T> | undefined;
      if (running) {
        events.looked("shared");
        return { from: "mint", minted: await join(running, signal), shared: true };
      }
      events.looked("miss");
      return { from: "mint", minted: await join(start(id, mint), signal), shared: false };
    },
  };
}
