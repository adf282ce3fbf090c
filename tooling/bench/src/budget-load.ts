import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { budgetKey } from "@tokengate/gateway";
import {
  freePort,
  type LimitedUpstreamOptions,
  type Received,
  startRedis,
} from "@tokengate/testkit";
import { decodeJwt } from "jose";
import { Pool } from "undici";
import { type Refusal, recordBudgetLog, replay, waitWasRight } from "./budget-log.js";
import { brokerEnv, startCallerIdentity } from "./callers.js";
import { startGateway, type Target } from "./targets.js";

/** The scaled budget: the upstream's and the gateways' limit per window, and the run's length. */
export interface BudgetRunSize {
  callers: number;
  customers: number;
  mintLimit: number;
  tokenLimit: number;
  windowSeconds: number;
  durationSeconds: number;
  /** Each caller mints about this often. */
  everyMs: number;
}

export interface BudgetRunResult {
  reuse: boolean;
  requests: number;
  tokens: number;
  reused: number;
  refused: number;
  /** Answers that were neither the right customer's token nor UPSTREAM_RATE_LIMITED. */
  wrong: number;
  /** Refusals whose retryAfterSeconds was not, to the second, the wait the shared log implied when the budget decided. */
  wrongWaits: number;
  /** The most any call's slot was counted after the upstream received it (its answer's way back), in ms. */
  countedLateMs: number;
  /** Slots counted at or before the upstream received their call: none is right. */
  countedEarly: number;
  upstreamMints: number;
  upstream429s: number;
  /** Budget decisions Redis failed (answered from a replica's own log), summed over both. */
  storeErrors: number;
  tokenRequests: number;
  /** The most upstream mints that arrived within any span of one window. */
  peakPerWindow: number;
  /** Answered mints per upstream mint. */
  reuseRatio: number;
  exitCodes: (number | null)[];
}

const MINT =
  "mutation Mint($input: CreateCustomerTokenInput!) { createCustomerToken(input: $input) { accessToken reused } }";

/** The stub in its own process: its URL, what it received, and a stop. */
async function startUpstreamProcess(options: LimitedUpstreamOptions) {
  const entry = fileURLToPath(new URL("./limited-upstream-process.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", entry, JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const match = text.match(/"url":"([^"]+)"/);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the upstream stub exited (${code})`)));
  });
  return {
    url,
    received: async () => (await (await fetch(`${url}/__received`)).json()) as Received[],
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The `sub` claim of a JWT-shaped token (read, not verified), or null when it is not one. */
function subjectOf(token: string): string | null {
  try {
    return decodeJwt(token).sub ?? null;
  } catch {
    return null;
  }
}

/** The most entries of sorted `times` within any span of `windowMs`. */
function peak(times: number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while ((times[last] as number) - (times[first] as number) >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/**
 * Two broker-mode replicas sharing one Redis in front of an upstream stub
 * that enforces the published kind of per-IP limit at a scaled size (429
 * with Retry-After beyond it); the gateways' budget is set to the same
 * limit. `callers` callers, each its own `sub`, mint for one of `customers`
 * customers about every `everyMs` for `durationSeconds` (several windows),
 * spread over both replicas. Tokens live 6 windows and are reused while
 * two thirds of their life is left, as 30-minute tokens with the 20-minute
 * default would be against 5-minute windows.
 */
export async function runBudgetLoad(size: BudgetRunSize, reuse: boolean): Promise<BudgetRunResult> {
  const windowMs = size.windowSeconds * 1_000;
  const lifetime = size.windowSeconds * 6;
  const redis = await startRedis();
  const budgetLog = await recordBudgetLog(redis.url, budgetKey("createCustomerToken", "log"));
  const upstream = await startUpstreamProcess({
    mintLimit: size.mintLimit,
    tokenLimit: size.tokenLimit,
    windowSeconds: size.windowSeconds,
    tokenLifetimeSeconds: lifetime,
  });
  const identity = await startCallerIdentity();
  const keyFile = join(mkdtempSync(join(tmpdir(), "tokengate-bench-key-")), "key");
  writeFileSync(keyFile, "42".repeat(32));
  const env = {
    ...brokerEnv(identity.jwksUrl),
    REDIS_URL: redis.url,
    RATE_LIMIT_MINTS_PER_MINUTE: "0",
    UPSTREAM_MINT_LIMIT: String(size.mintLimit),
    UPSTREAM_TOKEN_LIMIT: String(size.tokenLimit),
    UPSTREAM_LIMIT_WINDOW_S: String(size.windowSeconds),
    TOKEN_REUSE: reuse ? "on" : "off",
    TOKEN_REUSE_MIN_REMAINING_S: String(Math.round((lifetime * 2) / 3)),
    ...(reuse && { TOKEN_CACHE_KEY_FILE: keyFile }),
  };
  const targets: Target[] = [];
  const pools: Pool[] = [];
  let exitCodes: (number | null)[] = [];
  let scrape = async () => {};
  let received: Received[] = [];
  const counts = { requests: 0, tokens: 0, reused: 0, refused: 0, wrong: 0 };
  let storeErrors = 0;
  const refusals: Refusal[] = [];
  try {
    const metricsPorts: number[] = [];
    for (const name of ["replica-1", "replica-2"]) {
      const metricsPort = await freePort("127.0.0.1");
      metricsPorts.push(metricsPort);
      targets.push(
        await startGateway(
          upstream.url,
          await freePort("127.0.0.1"),
          [],
          { ...env, METRICS_PORT: String(metricsPort) },
          name,
        ),
      );
    }
    scrape = async () => {
      for (const port of metricsPorts) {
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        const line = text.match(
          /tokengate_shared_store_errors_total\{store="upstream_budget"\} (\d+)/,
        );
        storeErrors += Number(line?.[1] ?? 0);
      }
    };
    for (const target of targets) {
      while ((await fetch(`${target.url}/ready`)).status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      pools.push(new Pool(target.url, { connections: 25 }));
    }
    const guids = Array.from({ length: size.customers }, (_, i) => `c${i}`.padStart(32, "0"));
    const callers = await Promise.all(
      Array.from({ length: size.callers }, async (_, i) => {
        const guid = guids[i % guids.length] as string;
        return { guid, token: await identity.token(`caller-${i}`, guid) };
      }),
    );
    const ends = performance.now() + size.durationSeconds * 1_000;
    await Promise.all(
      callers.map(async (caller, i) => {
        // Spread the callers' first mints over one period.
        await new Promise((resolve) => setTimeout(resolve, (i * size.everyMs) / size.callers));
        while (performance.now() < ends) {
          const pool = pools[i % pools.length] as Pool;
          const sentAt = Date.now();
          const { body } = await pool.request({
            path: "/graphql",
            method: "POST",
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${caller.token}`,
            },
            body: JSON.stringify({
              query: MINT,
              variables: { input: { customerGuid: caller.guid, scopes: ["CUSTOMERS_READ"] } },
            }),
          });
          const answer = (await body.json()) as {
            data?: { createCustomerToken?: { accessToken: string; reused: boolean } };
            errors?: { extensions?: { code?: string; retryAfterSeconds?: unknown } }[];
          };
          counts.requests += 1;
          const token = answer.data?.createCustomerToken;
          const error = answer.errors?.[0]?.extensions;
          if (token && subjectOf(token.accessToken) === caller.guid) {
            counts.tokens += 1;
            if (token.reused) counts.reused += 1;
          } else if (error?.code === "UPSTREAM_RATE_LIMITED") {
            counts.refused += 1;
            refusals.push({ sent: sentAt, received: Date.now(), seconds: error.retryAfterSeconds });
          } else counts.wrong += 1;
          await new Promise((resolve) => setTimeout(resolve, size.everyMs * (0.5 + Math.random())));
        }
      }),
    );
    await scrape();
    received = await upstream.received();
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
    exitCodes = await Promise.all(targets.map((target) => target.stop()));
    await identity.close();
    await upstream.close();
    budgetLog.stop();
    await redis.stop();
  }
  const mints = received
    .filter((r) => r.url === "/api/customer_tokens" && r.status === 201)
    .map((r) => r.at);
  // The budget decided at some moment between the request's send and its
  // answer: its wait must be the wait its shared log implied then, to the
  // second. That log counts each call from when its answer came back, so
  // it is also held to the upstream's arrivals (see countedLateMs).
  const { states, counted } = replay(budgetLog.commands);
  const wrongWaits = refusals.filter(
    (refusal) => !waitWasRight(states, size.mintLimit, windowMs, refusal),
  ).length;
  // Paired in order, the k-th slot counted and the k-th mint received.
  const lags = counted.map((at, k) => at - (mints[k] ?? Number.POSITIVE_INFINITY));
  return {
    reuse,
    ...counts,
    wrongWaits,
    countedLateMs: lags.length === mints.length ? Math.max(0, ...lags) : Number.POSITIVE_INFINITY,
    countedEarly: lags.filter((lag) => lag < 0).length,
    upstreamMints: mints.length,
    upstream429s: received.filter((r) => r.status === 429).length,
    storeErrors,
    tokenRequests: received.filter((r) => r.url === "/oauth/token").length,
    peakPerWindow: peak(mints, windowMs),
    reuseRatio: mints.length === 0 ? 0 : counts.tokens / mints.length,
    exitCodes,
  };
}
