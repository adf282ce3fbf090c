import type { LimitedUpstream } from "@tokengate/testkit";
import { freePort, type RedisServer } from "@tokengate/testkit";
import { describe, expect, it } from "vitest";
import { callerToken } from "./support/caller-tokens.js";
import { mint, startGateway } from "./support/gateway.js";
import { readyAndShared as ready, useLimitedReplicas } from "./support/limited-replicas.js";
import type { GatewayProcess } from "./support/process.js";

const MINTS = "/api/customer_tokens";
const TOKENS = "/oauth/token";

const fixture = useLimitedReplicas();
const upstreamOf = fixture.upstream;
const redisServer = fixture.redis;

/** Customer `n`'s guid: each mint its own customer, so nothing is reused. */
const guid = (n: number) => n.toString(16).padStart(32, "0");

/** A caller allowed to mint for any customer (the admin scope), so one caller spans many customers. */
async function admin(): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await callerToken(fixture.key, { sub: "budget-admin", scope: "tokengate:admin" })}`,
  };
}

/** Two broker-mode gateway processes over `upstream`, sharing `redis`; reuse off, so every mint meets the budget. */
function twoReplicas(
  upstream: LimitedUpstream,
  redis: RedisServer,
  env: Record<string, string>,
): Promise<[GatewayProcess, GatewayProcess]> {
  return fixture.twoReplicas(
    fixture.brokerEnv(upstream, { REDIS_URL: redis.url, TOKEN_REUSE: "off", ...env }),
  );
}

interface Outcome {
  code: string;
  retryAfterSeconds?: unknown;
  upstream?: unknown;
}

async function outcome(
  replica: { url: string },
  caller: Record<string, string>,
  n: number,
): Promise<Outcome> {
  const { body } = await mint(
    replica,
    { customerGuid: guid(n), scopes: ["CUSTOMERS_READ"] },
    caller,
  );
  const error = body.errors?.[0];
  if (!error) return { code: "ok" };
  return {
    code: String(error.extensions?.code),
    retryAfterSeconds: error.extensions?.retryAfterSeconds,
    upstream: error.extensions?.upstream,
  };
}

describe("the upstream budget, shared by two replicas through Redis", () => {
  it("lets exactly UPSTREAM_MINT_LIMIT mints leave across both; the rest are refused locally with the seconds until a slot frees", async () => {
    const upstream = await upstreamOf({ mintLimit: 100, tokenLimit: 100, windowSeconds: 60 });
    const redis = await redisServer();
    const [a, b] = await twoReplicas(upstream, redis, {
      UPSTREAM_MINT_LIMIT: "5",
      UPSTREAM_LIMIT_WINDOW_S: "60",
    });
    const caller = await admin();
    const outcomes: Outcome[] = [];
    for (const [n, replica] of [a, b, a, b, a, b, a, b].entries()) {
      outcomes.push(await outcome(replica, caller, n));
    }
    expect(outcomes.slice(0, 5).map((o) => o.code)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    for (const refused of outcomes.slice(5)) {
      expect(refused.code).toBe("UPSTREAM_RATE_LIMITED");
      expect(Number.isInteger(refused.retryAfterSeconds)).toBe(true);
      // The oldest of the 5 leaves the 60-second window within the minute.
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(55);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(refused.upstream).toBeUndefined();
    }
    expect(upstream.count(MINTS)).toBe(5);
    expect(upstream.count(MINTS, 429)).toBe(0);
    // A spent budget is not a fault: both replicas stay ready.
    for (const replica of [a, b]) expect((await fetch(`${replica.url}/ready`)).status).toBe(200);
  });

  it("pauses every replica when the upstream answers 429 on one, until its Retry-After", async () => {
    const upstream = await upstreamOf({ mintLimit: 100, tokenLimit: 100, windowSeconds: 60 });
    const redis = await redisServer();
    const [a, b] = await twoReplicas(upstream, redis, {});
    const caller = await admin();
    upstream.refuseNext(MINTS, 1, "30");

    const onA = await outcome(a, caller, 1);
    expect(onA).toEqual({
      code: "UPSTREAM_RATE_LIMITED",
      retryAfterSeconds: 30,
      upstream: { status: 429, messageCode: "rate_limited" },
    });
    const sent = upstream.count(MINTS);
    const onB = await outcome(b, caller, 2);
    expect(onB.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(onB.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(onB.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(onB.upstream).toBeUndefined();
    expect(upstream.count(MINTS)).toBe(sent);
  });

  it("pauses for the whole window when the 429 has no Retry-After", async () => {
    const upstream = await upstreamOf({ mintLimit: 100, tokenLimit: 100, windowSeconds: 60 });
    const redis = await redisServer();
    const [a, b] = await twoReplicas(upstream, redis, { UPSTREAM_LIMIT_WINDOW_S: "120" });
    const caller = await admin();
    upstream.refuseNext(MINTS, 1, null);
    expect((await outcome(a, caller, 1)).retryAfterSeconds).toBe(120);
    const onB = await outcome(b, caller, 2);
    expect(onB.retryAfterSeconds).toBeGreaterThanOrEqual(119);
    expect(upstream.count(MINTS)).toBe(1);
  });
});

describe("the upstream budget in one gateway", () => {
  it("keeps bank-token refreshes inside UPSTREAM_TOKEN_LIMIT even in a refresh storm", async () => {
    const upstream = await upstreamOf({ mintLimit: 1_000, tokenLimit: 1_000, windowSeconds: 60 });
    const gateway = await startGateway(
      upstream.url,
      fixture.brokerEnv(upstream, {
        UPSTREAM_TOKEN_LIMIT: "3",
      }),
    );
    await ready(gateway);
    // Every mint now refuses the bank token: each asks for a new one.
    upstream.refuseBankTokens(true);
    const caller = await admin();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, n) => outcome(gateway, caller, n)),
    );
    for (let round = 0; round < 5; round++) await outcome(gateway, caller, 100 + round);
    expect(upstream.count(TOKENS)).toBeLessThanOrEqual(3);
    expect(upstream.count(TOKENS, 429)).toBe(0);
    const codes = new Set(outcomes.map((o) => o.code));
    expect(
      [...codes].every((code) => ["UPSTREAM_UNAVAILABLE", "UPSTREAM_RATE_LIMITED"].includes(code)),
    ).toBe(true);
    const last = await outcome(gateway, caller, 200);
    expect(last.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(Number.isInteger(last.retryAfterSeconds)).toBe(true);
  });

  it("spends no budget on bad input: it is refused first", async () => {
    const upstream = await upstreamOf({ mintLimit: 100, tokenLimit: 100, windowSeconds: 60 });
    const gateway = await startGateway(upstream.url, { UPSTREAM_MINT_LIMIT: "1" });
    const bad = await mint(gateway, { customerGuid: "short", scopes: ["CUSTOMERS_READ"] });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await outcome(gateway, { authorization: "Bearer bank-token-abc123" }, 1)).code).toBe(
      "ok",
    );
    expect((await outcome(gateway, { authorization: "Bearer bank-token-abc123" }, 2)).code).toBe(
      "UPSTREAM_RATE_LIMITED",
    );
    expect(upstream.count(MINTS)).toBe(1);
  });

  it("maps the token endpoint's own 429 to UPSTREAM_RATE_LIMITED and holds bank-token requests off for its Retry-After", async () => {
    const upstream = await upstreamOf({ mintLimit: 100, tokenLimit: 100, windowSeconds: 60 });
    upstream.refuseNext(TOKENS, 1_000, "45");
    const gateway = await startGateway(upstream.url, fixture.brokerEnv(upstream));
    const caller = await admin();
    // The warm-up fetch at start met the 429; the pause holds every later one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await outcome(gateway, caller, 1);
    expect(refused.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(44);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(45);
    await outcome(gateway, caller, 2);
    expect(upstream.count(TOKENS)).toBe(1);
    expect(upstream.count(MINTS)).toBe(0);
  });

  it("with Redis unreachable: budgets on this replica alone, ready but degraded, counted, and never waits for Redis", async () => {
    const upstream = await upstreamOf({ mintLimit: 100, tokenLimit: 100, windowSeconds: 60 });
    const nobody = await freePort("127.0.0.1");
    const gateway = await startGateway(upstream.url, {
      UPSTREAM_MINT_LIMIT: "2",
      REDIS_URL: `redis://127.0.0.1:${nobody}`,
      METRICS_PORT: "0",
    });
    const readiness = await fetch(`${gateway.url}/ready`);
    // A mint sent here is served (from this replica's own budget): ready, and says how.
    expect(readiness.status).toBe(200);
    expect(await readiness.json()).toEqual({
      ready: true,
      degraded: "upstream_budget_store_unreachable",
    });
    const bank = { authorization: "Bearer bank-token-abc123" };
    const codes = [];
    for (let n = 1; n <= 3; n++) codes.push((await outcome(gateway, bank, n)).code);
    expect(codes).toEqual(["ok", "ok", "UPSTREAM_RATE_LIMITED"]);
    expect(upstream.count(MINTS)).toBe(2);
    const metrics = await (await fetch(`${gateway.metricsUrl}/metrics`)).text();
    expect(metrics).toMatch(/tokengate_shared_store_errors_total\{store="upstream_budget"\} [1-9]/);
  });
});
