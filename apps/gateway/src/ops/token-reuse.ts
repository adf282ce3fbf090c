import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { OperationId } from "../core/operation-id.js";
import { throttledWarning } from "../core/throttled-warning.js";
import type { SharedStore } from "./shared-store.js";

/** What reuse reports, as metrics. */
export interface ReuseEvents {
  /** A call answered from the cache (`hit`), by an identical call in flight (`shared`), or upstream (`miss`). */
  looked(result: "hit" | "shared" | "miss"): void;
  /** The shared store failed a read or a write; the mint went upstream or was not kept. */
  storeFailed(): void;
}

export interface ReuseSettings {
  /** A token is handed out again only while it has at least this long left. */
  minRemainingSeconds: number;
  /**
   * The AES-256-GCM key of the shared cache (32 bytes) now; required with
   * Redis. Read for each lookup: after a rotation, tokens stored under the
   * old key are misses (their ids are keyed too), never errors.
   */
  key: (() => Buffer) | null;
}

/**
 * How an operation's answer may be handed out again for an identical request
 * while it is still valid (token reuse): written by hand in
 * `src/operations/<operationId>/reuse.ts` for an operation whose answer is a
 * credential with a lifetime. Policy, limits and validation still run on
 * every request; only the upstream call is saved.
 */
export interface AnswerReuse<Request, Data> {
  /** The request's inputs that change what the answer grants, in a canonical (order-free) form. */
  inputs(request: Request): unknown;
  /** When the answer stops being valid; `null`: never hand it out again. */
  expiresAt(answer: Data): Date | null;
}

/** Who asked: broker mode's verified caller, or a digest of passthrough's bank bearer (never the bearer). */
export type Principal = { caller: string } | { bearer: string };

/** A call to run when no answer can be reused; `signal` aborts when every caller waiting on it is gone. */
export type Mint<T> = (signal: AbortSignal) => Promise<T>;

/** The outcome of a call, and the answer if it gave one to keep. */
export interface Minted<T, Answer> {
  outcome: T;
  token: Answer | null;
}

/** A stored answer, or what a call gave (`shared`: another identical request's call). */
export type Obtained<T, Answer> =
  | { from: "cache"; token: Answer }
  | { from: "mint"; minted: Minted<T, Answer>; shared: boolean };

/** What is asked: which operation, with the request and the reuse rule of that operation. */
export interface ReuseQuery<Request, Answer> {
  operationId: OperationId;
  request: Request;
  rule: AnswerReuse<Request, Answer>;
}

export interface TokenReuse {
  /**
   * The answer for `query` by `principal`: a stored one with enough life
   * left, else what `mint` gives, run once for every identical request in
   * flight at the same time. A new answer is stored for the next.
   */
  obtain<T, Request, Answer>(
    principal: Principal,
    query: ReuseQuery<Request, Answer>,
    signal: AbortSignal,
    mint: Mint<Minted<T, Answer>>,
  ): Promise<Obtained<T, Answer>>;
}

/** Who asked, the operation and the inputs that change what its answer grants, in one canonical string. */
function canonical<Request, Answer>(
  principal: Principal,
  query: ReuseQuery<Request, Answer>,
): string {
  const who =
    "caller" in principal
      ? `caller:${principal.caller}`
      : `bearer:${createHash("sha256").update(principal.bearer).digest("hex")}`;
  return JSON.stringify([who, query.operationId, query.rule.inputs(query.request)]);
}

/** Stored answers, as the JSON they were stored as: only this gateway writes them, under keys it derives. */
interface Store {
  get(id: string): Promise<unknown>;
  set(id: string, token: unknown, ttlMs: number): Promise<void>;
}

/** At most this many tokens kept per replica; the oldest go first. */
const MEMORY_ENTRIES = 10_000;

function memoryStore(): Store {
  const entries = new Map<string, { token: unknown; until: number }>();
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
function redisStore(redis: Redis, currentKey: () => Buffer): Store {
  const redisKey = (id: string) => `tokengate:token-cache:${id}`;
  return {
    async get(id) {
      const stored = await redis.getBuffer(redisKey(id));
      if (!stored || stored.length <= IV_BYTES + TAG_BYTES) return null;
      const decipher = createDecipheriv("aes-256-gcm", currentKey(), stored.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(redisKey(id)));
      decipher.setAuthTag(stored.subarray(stored.length - TAG_BYTES));
      try {
        const clear = Buffer.concat([
          decipher.update(stored.subarray(IV_BYTES, stored.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return JSON.parse(clear.toString("utf8")) as unknown;
      } catch {
        // Another key, or tampered with: not a token this gateway stored.
        return null;
      }
    },
    async set(id, token, ttlMs) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", currentKey(), iv);
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

/** A call in flight, shared by identical requests; aborted only when all its callers are gone. */
interface Flight<T> {
  done: Promise<T>;
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
  const processKey = randomBytes(32);
  const digestKey = settings.key ?? (() => processKey);
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
  async function join<T>(flight: Flight<T>, signal: AbortSignal): Promise<T> {
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

  function start<T, Answer>(
    id: string,
    expiresAt: (answer: Answer) => Date | null,
    mint: Mint<Minted<T, Answer>>,
  ): Flight<Minted<T, Answer>> {
    const controller = new AbortController();
    const flight: Flight<Minted<T, Answer>> = {
      waiting: 0,
      controller,
      done: mint(controller.signal).then(async (minted) => {
        const until = minted.token === null ? null : expiresAt(minted.token);
        const ttlMs = until ? until.getTime() - Date.now() - minRemainingMs : 0;
        if (minted.token !== null && ttlMs > 0) {
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
    async obtain<T, Request, Answer>(
      principal: Principal,
      query: ReuseQuery<Request, Answer>,
      signal: AbortSignal,
      mint: Mint<Minted<T, Answer>>,
    ): Promise<Obtained<T, Answer>> {
      const id = createHmac("sha256", digestKey())
        .update(canonical(principal, query))
        .digest("hex");
      const stored = flights.has(id) ? null : await safely(() => store.get(id), null);
      if (stored !== null) {
        events.looked("hit");
        // Stored by this gateway under this request's own key: an answer of this operation.
        return { from: "cache", token: stored as Answer };
      }
      // Looked up again after the await: an identical call may have started meanwhile.
      const running = flights.get(id) as Flight<Minted<T, Answer>> | undefined;
      if (running) {
        events.looked("shared");
        return { from: "mint", minted: await join(running, signal), shared: true };
      }
      events.looked("miss");
      const flight = start(id, query.rule.expiresAt, mint);
      return { from: "mint", minted: await join(flight, signal), shared: false };
    },
  };
}
