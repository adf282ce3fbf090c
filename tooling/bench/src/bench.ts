/**
 * `pnpm bench [--duration 10] [--connections 50] [--rounds 2] [--quick] [--baseline REF]`:
 * the same mutation to the same local upstream stub through each target in
 * one run: the floor of a bare Node proxy, Tailcall, yoga's own floor (one
 * undici request in a bare yoga resolver), the gateway as
 * deployed, the gateway answering a reused token, and a naive yoga build;
 * each against the floor of its round. Then what metrics, tracing and the
 * rate limiter (in memory and in Redis) cost per mint, each against the
 * same gateway without it; then the client alone against a bare
 * undici.request. With `--baseline REF`, the gateway built from another
 * commit (`main`, a tag, a hash) runs as a row of its own in the same
 * rounds. Prints figures and ratios; asserts only correctness.
 */

import { parseArgs } from "node:util";
import { freePort, startRedis } from "@tokengate/testkit";
import { prepareBaseline } from "./baseline.js";
import { brokerEnv, startCallerIdentity } from "./callers.js";
import { clientMicroBench } from "./client-micro.js";
import { measure, type Upstream } from "./measure.js";
import { AUTHORIZATION, CUSTOMER_GUID } from "./operation.js";
import { startOtlpSink } from "./otlp-sink.js";
import { comparison, median, type Row, table } from "./report.js";
import { startTailcall } from "./tailcall.js";
import {
  startFloor,
  startGateway,
  startNaiveYoga,
  startYogaFloor,
  type Target,
} from "./targets.js";
import { STUB_TOKEN, startUpstreamStub } from "./upstream-stub.js";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    rounds: { type: "string", default: "2" },
    quick: { type: "boolean", default: false },
    baseline: { type: "string" },
  },
});
const rounds = values.quick ? 1 : Number(values.rounds);
const seconds = values.quick ? 2 : Number(values.duration);
const connections = Number(values.connections);

// Built before anything is started, so that its build does not load the machine during a row.
const baseline = values.baseline ? prepareBaseline(values.baseline) : null;
// Its worktree goes however the run ends.
process.once("exit", () => baseline?.remove());
const stub = await startUpstreamStub();
const sink = await startOtlpSink();
const redis = await startRedis();
const identity = await startCallerIdentity();
const bench = { stub, connections, seconds };
const callerAuthorization = `Bearer ${await identity.token("bench-caller", CUSTOMER_GUID)}`;
/** A target of the comparison: how to start it, or why it cannot run on this machine. */
interface Peer {
  name: string;
  start(upstreamUrl: string, port: number): Promise<{ target: Target } | { skipped: string }>;
  upstream: Upstream;
}

const started = (start: Promise<Target>) => start.then((target) => ({ target }));
const PEERS: Peer[] = [
  {
    name: "floor",
    start: (url, port) => started(startFloor(url, port)),
    upstream: "every request",
  },
  { name: "Tailcall", start: startTailcall, upstream: "every request" },
  {
    name: "yoga floor",
    start: (url, port) => started(startYogaFloor(url, port)),
    upstream: "every request",
  },
  {
    name: "tokengate",
    start: (url, port) => started(startGateway(url, port, [], {}, "tokengate")),
    upstream: "every request",
  },
  ...(baseline
    ? [
        {
          name: `tokengate at ${baseline.label}`,
          start: (url: string, port: number) =>
            started(
              startGateway(url, port, [], {}, `tokengate at ${baseline.label}`, baseline.command),
            ),
          upstream: "every request" as const,
        },
      ]
    : []),
  {
    name: "tokengate, reused token",
    start: (url, port) =>
      started(startGateway(url, port, [], { TOKEN_REUSE: "on" }, "tokengate, reused token")),
    upstream: "reused",
  },
  {
    name: "naive yoga",
    start: (url, port) => started(startNaiveYoga(url, port)),
    upstream: "every request",
  },
];

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
const skipped = new Map<string, string>();
// Targets take turns, round after round, so that a noisy moment of the
// machine hits all; each ratio compares two targets of one round.
for (let round = 0; round < rounds; round++) {
  for (const peer of PEERS) {
    if (skipped.has(peer.name)) continue;
    const start = await peer.start(stub.url, await freePort("127.0.0.1"));
    if ("skipped" in start) {
      console.error(`bench: skipping ${peer.name}: ${start.skipped}`);
      skipped.set(peer.name, start.skipped);
      continue;
    }
    try {
      rows.push({ ...(await measure(bench, start.target, AUTHORIZATION, peer.upstream)), round });
    } finally {
      await start.target.stop();
    }
  }
  for (const variant of VARIANTS) {
    const target = await startVariant(variant);
    try {
      const authorization = variant.broker ? callerAuthorization : AUTHORIZATION;
      overhead.push({ ...(await measure(bench, target, authorization)), round });
    } finally {
      await target.stop();
    }
  }
}
const spansExported = sink.exports();
const micro = await clientMicroBench(Math.max(2, seconds), STUB_TOKEN);
await Promise.all([stub.close(), sink.close(), redis.stop(), identity.close()]);

console.log(
  `\nbench: ${rounds} round(s) × ${seconds} s × ${connections} connections per target, Node ${process.version}, loopback\n`,
);
comparison(
  rows,
  "floor",
  PEERS.map((peer) => peer.name),
);
for (const [name, reason] of skipped) console.log(`\n${name}: skipped, ${reason}`);

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
