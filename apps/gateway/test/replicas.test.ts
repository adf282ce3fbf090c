import { type RedisServer, startRedis } from "@tokengate/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { brokerSettings, startBrokerUpstream } from "./support/broker-upstream.js";
import {
  callerToken,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./support/caller-tokens.js";
import { GUID, mint } from "./support/gateway.js";
import { type GatewayProcess, runGateway } from "./support/process.js";

const OTHER_GUID = "0123456789abcdef0123456789abcdef";
const READ = (customerGuid = GUID) => ({ customerGuid, scopes: ["CUSTOMERS_READ"] });

let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let upstream: Awaited<ReturnType<typeof startBrokerUpstream>>;
const redises: RedisServer[] = [];

beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
  upstream = await startBrokerUpstream();
});
afterEach(async () => {
  await Promise.all(redises.splice(0).map((redis) => redis.stop()));
});
afterAll(async () => {
  await jwks.close();
  await upstream.close();
});

async function redisServer(port?: number): Promise<RedisServer> {
  const redis = await startRedis(port === undefined ? {} : { port });
  redises.push(redis);
  return redis;
}

/** Two gateway processes, as deployed, sharing `redis`'s counters. */
async function twoReplicas(redis: RedisServer, limit: number): Promise<GatewayProcess[]> {
  const env = {
    ...brokerSettings(upstream.url, `${jwks.url}/jwks.json`),
    RATE_LIMIT_MINTS_PER_MINUTE: String(limit),
    REDIS_URL: redis.url,
    // The caller limits alone: every mint must reach the upstream to be counted there.
    TOKEN_REUSE: "off",
    METRICS_PORT: "0",
  };
  const replicas = await Promise.all([runGateway(env).ready, runGateway(env).ready]);
  for (const replica of replicas) await readiness(replica, 200);
  return replicas;
}

/** Waits until `/ready` answers `status` (and `body`, if given); resolves with its body. */
async function readiness(
  replica: GatewayProcess,
  status: number,
  body?: unknown,
): Promise<unknown> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(`${replica.url}/ready`);
    const answer = await response.json();
    const matches = body === undefined || JSON.stringify(answer) === JSON.stringify(body);
    if (response.status === status && matches) return answer;
    if (Date.now() > deadline)
      throw new Error(`/ready stayed ${response.status}: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function as(sub: string, customerGuid = GUID) {
  return {
    authorization: `Bearer ${await callerToken(key, { sub, customer_guid: customerGuid })}`,
  };
}

async function codeOf(replica: GatewayProcess, caller: Record<string, string>, guid = GUID) {
  const { body } = await mint(replica, READ(guid), caller);
  return body.errors?.[0]?.extensions?.code ?? "ok";
}

function metricsUrlOf(replica: GatewayProcess): string {
  const url = replica.output().match(/"metrics":"(http:\/\/[^"]+)"/)?.[1];
  if (!url) throw new Error("the gateway logged no metrics URL");
  return url;
}

const mintsSent = () => upstream.requests.filter((r) => r.url === "/api/customer_tokens").length;

describe("two replicas sharing one Redis", () => {
  it("refuses on one replica the caller that spent its limit on the other, counts exact", async () => {
    const redis = await redisServer();
    const [a, b] = (await twoReplicas(redis, 5)) as [GatewayProcess, GatewayProcess];
    const caller = await as("user-shared");
    const before = mintsSent();
    const codes = [];
    for (const replica of [a, b, a, b, a, a, b]) codes.push(await codeOf(replica, caller));
    expect(codes).toEqual(["ok", "ok", "ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED"]);
    expect(mintsSent() - before).toBe(5);
    // The customer's count is shared too: another caller of the same customer is over.
    expect(await codeOf(b, await as("user-other"))).toBe("RATE_LIMITED");
    expect(await codeOf(b, await as("user-third", OTHER_GUID), OTHER_GUID)).toBe("ok");
    // Refused mints count as well: 5 minted + 2 refused, in one key for the caller.
    expect(await redis.command("GET tokengate:mints:caller:user-shared")).toBe("7");
    expect(await redis.command(`GET tokengate:mints:customer:${GUID}`)).toBe("8");
  });

  it("keeps minting when Redis stops mid-run, limited per replica, ready but degraded, warned and counted; recovers when it is back", async () => {
    const redis = await redisServer();
    const [a, b] = (await twoReplicas(redis, 3)) as [GatewayProcess, GatewayProcess];
    expect(await codeOf(a, await as("user-before"))).toBe("ok");

    await redis.stop();
    for (const replica of [a, b]) {
      const degraded = { ready: true, degraded: "rate_limit_store_unreachable" };
      expect(await readiness(replica, 200, degraded)).toEqual(degraded);
    }
    expect((await fetch(`${a.url}/health`)).status).toBe(200);
    // Fail open to each replica's own counters: the limit holds per replica.
    const caller = await as("user-during", OTHER_GUID);
    const codes = [];
    for (const replica of [a, a, a, a, b, b, b, b])
      codes.push(await codeOf(replica, caller, OTHER_GUID));
    expect(codes).toEqual(["ok", "ok", "ok", "RATE_LIMITED", "ok", "ok", "ok", "RATE_LIMITED"]);
    await a.waitFor(/rate-limit store unreachable; counting mints on this replica only/);
    const metrics = await (await fetch(metricsUrlOf(a))).text();
    const storeErrors = Number(
      metrics.match(/^tokengate_rate_limit_store_errors_total (\d+)/m)?.[1],
    );
    // One per mint counted on this replica alone: four on each.
    expect(storeErrors).toBe(4);

    const back = await redisServer(redis.port);
    for (const replica of [a, b])
      expect(await readiness(replica, 200, { ready: true })).toEqual({ ready: true });
    const after = await as("user-after", OTHER_GUID);
    const shared = [];
    for (const replica of [a, b, a, b]) shared.push(await codeOf(replica, after, OTHER_GUID));
    expect(shared).toEqual(["ok", "ok", "ok", "RATE_LIMITED"]);
    expect(await back.command("GET tokengate:mints:caller:user-after")).toBe("4");
  });
});
