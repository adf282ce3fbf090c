import { freePort, startRedis } from "@tokengate/testkit";
import { Pool } from "undici";
import { startBrokerStub, tokenFor } from "./broker-stub.js";
import { brokerEnv, startCallerIdentity } from "./callers.js";
import { errorCodeOf, tokenOf } from "./operation.js";
import { startGateway, type Target } from "./targets.js";

export interface ReplicaFigures {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
}

export interface ReplicasLoadResult {
  replicas: ReplicaFigures[];
  total: ReplicaFigures;
  /** Answers that were not the right customer's token. */
  wrong: number;
  /** Mints the upstream answered for each caller's customer, when each should have `limit`. */
  offLimit: number;
  /** Of the one extra mint per caller after the run, how many were RATE_LIMITED. */
  refusedAfter: number;
  /** Upstream mints in all (must be `mints`: the extras are never sent). */
  upstreamMints: number;
  /** Redis's count for each caller equals its mints plus the refused extra. */
  redisCountsExact: boolean;
  callers: number;
  limit: number;
  exitCodes: (number | null)[];
}

const MINT =
  "mutation Mint($input: CreateCustomerTokenInput!) { createCustomerToken(input: $input) { accessToken } }";

function percentile(sorted: number[], p: number): number {
  return sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number)
    : 0;
}

function figures(name: string, latencies: number[], seconds: number): ReplicaFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: Number(percentile(sorted, 0.5).toFixed(1)),
    p99: Number(percentile(sorted, 0.99).toFixed(1)),
  };
}

/**
 * Two gateway processes in broker mode sharing one Redis, behind no
 * balancer: `mints` mints at `connections` connections split across both,
 * from `callers` callers (each its own customer) that mint exactly their
 * limit, in an interleaved order so each caller's mints land on both
 * replicas. Then one more mint per caller, which must be refused. Loopback
 * only; bounded by count.
 */
export async function runReplicasLoad(
  mints: number,
  connections: number,
): Promise<ReplicasLoadResult> {
  const limit = 30;
  const callers = Math.ceil(mints / limit);
  const redis = await startRedis();
  const stub = await startBrokerStub();
  const identity = await startCallerIdentity();
  const env = {
    ...brokerEnv(identity.jwksUrl),
    RATE_LIMIT_MINTS_PER_MINUTE: String(limit),
    REDIS_URL: redis.url,
    // The caller limits alone, each mint sent: no reuse.
    TOKEN_REUSE: "off",
  };
  const targets: Target[] = [];
  const pools: Pool[] = [];
  let exitCodes: (number | null)[] = [];
  let result: Omit<ReplicasLoadResult, "exitCodes">;
  try {
    for (const name of ["replica-1", "replica-2"]) {
      targets.push(await startGateway(stub.url, await freePort("127.0.0.1"), [], env, name));
    }
    const guids = Array.from({ length: callers }, (_, i) => i.toString(16).padStart(32, "0"));
    const tokens = await Promise.all(guids.map((guid, i) => identity.token(`caller-${i}`, guid)));
    // Replicas are ready once they hold a bank token and reach Redis.
    for (const target of targets) {
      while ((await fetch(`${target.url}/ready`)).status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    for (const target of targets) {
      pools.push(
        new Pool(target.url, { connections: connections / targets.length, pipelining: 1 }),
      );
    }
    const send = async (pool: Pool, caller: number) => {
      const guid = guids[caller] as string;
      const { statusCode, body } = await pool.request({
        path: "/graphql",
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens[caller]}` },
        body: JSON.stringify({
          query: MINT,
          variables: { input: { customerGuid: guid, scopes: ["CUSTOMERS_READ"] } },
        }),
      });
      return { status: statusCode, text: await body.text(), guid };
    };

    // Caller i's k-th mint is job k * callers + i: every caller is in flight on both replicas.
    const jobs = Array.from({ length: callers * limit }, (_, job) => job % callers).slice(0, mints);
    let next = 0;
    let wrong = 0;
    const latencies: number[][] = targets.map(() => []);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async (_, worker) => {
        const replica = worker % targets.length;
        for (;;) {
          const job = next++;
          if (job >= jobs.length) return;
          const before = performance.now();
          const { status, text, guid } = await send(pools[replica] as Pool, jobs[job] as number);
          (latencies[replica] as number[]).push(performance.now() - before);
          if (status !== 200 || tokenOf(text) !== tokenFor(guid)) wrong += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1_000;
    const upstreamMints = stub.mints();

    let refusedAfter = 0;
    for (let caller = 0; caller < callers; caller++) {
      const { text } = await send(pools[caller % pools.length] as Pool, caller);
      if (errorCodeOf(text) === "RATE_LIMITED") refusedAfter += 1;
    }
    const expected = (caller: number) => jobs.filter((job) => job === caller).length;
    const offLimit = guids.filter(
      (guid, caller) => stub.mintsFor(guid) !== expected(caller),
    ).length;
    let redisCountsExact = true;
    for (let caller = 0; caller < callers; caller++) {
      const count = await redis.command(`GET tokengate:mints:caller:caller-${caller}`);
      if (Number(count) !== expected(caller) + 1) redisCountsExact = false;
    }
    result = {
      replicas: targets.map((target, i) => figures(target.name, latencies[i] as number[], seconds)),
      total: figures("total", latencies.flat(), seconds),
      wrong,
      offLimit,
      refusedAfter,
      upstreamMints,
      redisCountsExact,
      callers,
      limit,
    };
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
    exitCodes = await Promise.all(targets.map((target) => target.stop()));
    await identity.close();
    await stub.close();
    await redis.stop();
  }
  return { ...result, exitCodes };
}
