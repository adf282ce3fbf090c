/**
 * `pnpm bench [--duration 10] [--connections 50] [--quick]`: the gateway
 * against the floor of a bare Node proxy, one run, same operation, same
 * token, same local upstream stub; then what metrics, tracing and the rate
 * limiter (in memory and in Redis) cost per mint, each against the same
 * gateway without it; then the client alone against a bare
 * undici.request. Prints figures and ratios; asserts only correctness.
 */

import { parseArgs } from "node:util";
import { freePort, startRedis } from "@tokengate/testkit";
import { brokerEnv, startCallerIdentity } from "./callers.js";
import { clientMicroBench } from "./client-micro.js";
import { runLoad } from "./load.js";
import { AUTHORIZATION, CUSTOMER_GUID, MINT_BODY, postGraphQL, tokenOf } from "./operation.js";
import { startOtlpSink } from "./otlp-sink.js";
import { cpuMicros, memoryMb } from "./process-stats.js";
import { startFloor, startGateway, type Target } from "./targets.js";
import { STUB_TOKEN, startUpstreamStub } from "./upstream-stub.js";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    rounds: { type: "string", default: "2" },
    quick: { type: "boolean", default: false },
  },
});
const rounds = values.quick ? 1 : Number(values.rounds);
const seconds = values.quick ? 2 : Number(values.duration);
const connections = Number(values.connections);

interface Row {
  name: string;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMicrosPerRequest: number;
  startRssMb: number;
  peakRssMb: number;
  coldStartMs: number;
}

const stub = await startUpstreamStub();
const sink = await startOtlpSink();
const redis = await startRedis();
const identity = await startCallerIdentity();
const callerAuthorization = `Bearer ${await identity.token("bench-caller", CUSTOMER_GUID)}`;

/** One request must return the stub's token and move its counter by exactly one. */
async function verify(target: Target, authorization: string): Promise<void> {
  const before = stub.count();
  const token = tokenOf((await postGraphQL(target.url, MINT_BODY, authorization)).text);
  if (token !== STUB_TOKEN || stub.count() - before !== 1) {
    throw new Error(
      `${target.name} did not forward exactly one request and return the stub's token`,
    );
  }
}

async function measure(target: Target, authorization = AUTHORIZATION): Promise<Omit<Row, "round">> {
  const startRssMb = memoryMb(target.pid).rss;
  await verify(target, authorization);
  await runLoad({
    url: target.url,
    connections,
    authorization,
    durationSeconds: Math.max(1, seconds / 2),
  });
  const cpuBefore = cpuMicros(target.pid);
  const stubBefore = stub.count();
  const load = await runLoad({
    url: target.url,
    connections,
    authorization,
    durationSeconds: seconds,
    check: (status, body) => status === 200 && tokenOf(body) === STUB_TOKEN,
  });
  const cpu = cpuMicros(target.pid) - cpuBefore;
  if (load.wrong > 0 || stub.count() - stubBefore < load.requests) {
    throw new Error(
      `${target.name}: ${load.wrong} wrong answers, ${stub.count() - stubBefore} upstream calls for ${load.requests} requests`,
    );
  }
  return {
    name: target.name,
    rps: load.rps,
    p50: load.p50,
    p99: load.p99,
    errors: load.errors + load.non2xx,
    cpuMicrosPerRequest: cpu / load.requests,
    startRssMb,
    peakRssMb: memoryMb(target.pid).peak,
    coldStartMs: target.coldStartMs,
  };
}

/** A gateway variant, and the one it is compared with (the same gateway without the feature). */
interface Variant {
  name: string;
  baseline?: string;
  env: Record<string, string>;
  /** Broker mode: the caller's app token instead of the bank token. */
  broker?: boolean;
}

// Broker mode's limit is far above what a run mints, so every request mints.
const NO_REFUSALS = "1000000";
const VARIANTS: Variant[] = [
  { name: "gateway", env: {} },
  { name: "+ metrics", baseline: "gateway", env: { METRICS_PORT: "0" } },
  {
    name: "+ tracing",
    baseline: "gateway",
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_SERVICE_NAME: "tokengate-bench" },
  },
  {
    name: "broker, no limit",
    broker: true,
    env: { ...brokerEnv(identity.jwksUrl), RATE_LIMIT_MINTS_PER_MINUTE: "0" },
  },
  {
    name: "broker + memory limiter",
    baseline: "broker, no limit",
    broker: true,
    env: { ...brokerEnv(identity.jwksUrl), RATE_LIMIT_MINTS_PER_MINUTE: NO_REFUSALS },
  },
  {
    name: "broker + Redis limiter",
    baseline: "broker, no limit",
    broker: true,
    env: {
      ...brokerEnv(identity.jwksUrl),
      RATE_LIMIT_MINTS_PER_MINUTE: NO_REFUSALS,
      REDIS_URL: redis.url,
    },
  },
];

async function startVariant(variant: Variant): Promise<Target> {
  const port = await freePort("127.0.0.1");
  const target = await startGateway(stub.url, port, [], variant.env, variant.name);
  // Broker mode serves once it holds a bank token (and reaches Redis).
  while ((await fetch(`${target.url}/ready`)).status !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return target;
}

const rows: Row[] = [];
const overhead: Row[] = [];
// Targets take turns, round after round, so that a noisy moment of the
// machine hits all; each ratio compares two targets of one round.
for (let round = 0; round < rounds; round++) {
  for (const start of [startFloor, startGateway]) {
    const target = await start(stub.url, await freePort("127.0.0.1"));
    try {
      rows.push({ ...(await measure(target)), round });
    } finally {
      await target.stop();
    }
  }
  for (const variant of VARIANTS) {
    const target = await startVariant(variant);
    try {
      const authorization = variant.broker ? callerAuthorization : AUTHORIZATION;
      overhead.push({ ...(await measure(target, authorization)), round });
    } finally {
      await target.stop();
    }
  }
}
const spansExported = sink.exports();
const micro = await clientMicroBench(Math.max(2, seconds), STUB_TOKEN);
await Promise.all([stub.close(), sink.close(), redis.stop(), identity.close()]);

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
console.log(
  `\nbench: ${rounds} round(s) × ${seconds} s × ${connections} connections per target, Node ${process.version}, loopback\n`,
);
const table = (list: Row[]) => {
  console.log(
    "| round | target | req/s | p50 ms | p99 ms | errors | CPU µs/req | RSS at start MB | peak RSS MB | cold start ms |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of list) {
    console.log(
      `| ${row.round + 1} | ${row.name} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.cpuMicrosPerRequest.toFixed(0)} | ${row.startRssMb.toFixed(1)} | ${row.peakRssMb.toFixed(1)} | ${row.coldStartMs.toFixed(0)} |`,
    );
  }
};
table(rows);
const ratios = Array.from({ length: rounds }, (_, round) => {
  const [floor, gateway] = rows.filter((row) => row.round === round) as [Row, Row];
  return {
    throughput: gateway.rps / floor.rps,
    p99: gateway.p99 / floor.p99,
    cpu: gateway.cpuMicrosPerRequest / floor.cpuMicrosPerRequest,
  };
});
console.log(
  `\ngateway / floor (median of ${rounds} round(s)): throughput ${median(ratios.map((r) => r.throughput)).toFixed(2)}×, p99 ${median(ratios.map((r) => r.p99)).toFixed(2)}×, CPU per request ${median(ratios.map((r) => r.cpu)).toFixed(2)}×`,
);

console.log("\nwhat each feature costs per mint, against the same gateway without it:\n");
table(overhead);
console.log(
  "\n| feature | against | CPU µs per mint | throughput | p99 | RSS at start |\n| --- | --- | --- | --- | --- | --- |",
);
for (const variant of VARIANTS.filter((one) => one.baseline)) {
  const pairs = Array.from({ length: rounds }, (_, round) => {
    const of = (name: string) =>
      overhead.find((row) => row.round === round && row.name === name) as Row;
    return { feature: of(variant.name), base: of(variant.baseline as string) };
  });
  const cpu = median(pairs.map((p) => p.feature.cpuMicrosPerRequest - p.base.cpuMicrosPerRequest));
  const throughput = median(pairs.map((p) => p.feature.rps / p.base.rps));
  const p99 = median(pairs.map((p) => p.feature.p99 / p.base.p99));
  const rss = median(pairs.map((p) => p.feature.startRssMb - p.base.startRssMb));
  console.log(
    `| ${variant.name} | ${variant.baseline} | ${cpu >= 0 ? "+" : ""}${cpu.toFixed(0)} | ${throughput.toFixed(2)}× | ${p99.toFixed(2)}× | ${rss >= 0 ? "+" : ""}${rss.toFixed(1)} MB |`,
  );
}
console.log(`\n(tracing exported ${spansExported} OTLP batches to the local sink)`);

const [bare, client] = micro as [(typeof micro)[0], (typeof micro)[0]];
console.log("\n| client micro-benchmark | calls/s | CPU µs/call |\n| --- | --- | --- |");
for (const result of micro) {
  console.log(
    `| ${result.name} | ${result.callsPerSecond.toFixed(0)} | ${result.cpuMicrosPerCall.toFixed(0)} |`,
  );
}
console.log(
  `\nclient CPU over bare undici.request: +${((client.cpuMicrosPerCall / bare.cpuMicrosPerCall - 1) * 100).toFixed(0)}%`,
);
