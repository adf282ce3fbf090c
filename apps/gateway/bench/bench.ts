/**
 * `pnpm bench [--duration 10] [--connections 50] [--quick]`: the gateway
 * against the floor of a bare Node proxy, one run, same operation, same
 * token, same local upstream stub; then the client alone against a bare
 * undici.request. Prints figures and ratios; asserts only correctness.
 */

import { parseArgs } from "node:util";
import { freePort } from "@tokengate/testkit";
import { clientMicroBench } from "./client-micro.js";
import { runLoad } from "./load.js";
import { MINT_BODY, postGraphQL, tokenOf } from "./operation.js";
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
  peakRssMb: number;
  coldStartMs: number;
}

const stub = await startUpstreamStub();

/** One request must return the stub's token and move its counter by exactly one. */
async function verify(target: Target): Promise<void> {
  const before = stub.count();
  const token = tokenOf((await postGraphQL(target.url, MINT_BODY)).text);
  if (token !== STUB_TOKEN || stub.count() - before !== 1) {
    throw new Error(
      `${target.name} did not forward exactly one request and return the stub's token`,
    );
  }
}

async function measure(target: Target): Promise<Omit<Row, "round">> {
  await verify(target);
  await runLoad({
    url: target.url,
    connections,
    durationSeconds: Math.max(1, seconds / 2),
  });
  const cpuBefore = cpuMicros(target.pid);
  const stubBefore = stub.count();
  const load = await runLoad({
    url: target.url,
    connections,
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
    peakRssMb: memoryMb(target.pid).peak,
    coldStartMs: target.coldStartMs,
  };
}

const rows: Row[] = [];
// Floor and gateway take turns, round after round, so that a noisy moment
// of the machine hits both; each ratio compares the two of one round.
for (let round = 0; round < rounds; round++) {
  for (const start of [startFloor, startGateway]) {
    const target = await start(stub.url, await freePort("127.0.0.1"));
    try {
      rows.push({ ...(await measure(target)), round });
    } finally {
      await target.stop();
    }
  }
}
const micro = await clientMicroBench(Math.max(2, seconds), STUB_TOKEN);
await stub.close();

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
console.log(
  "| round | target | req/s | p50 ms | p99 ms | errors | CPU µs/req | peak RSS MB | cold start ms |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) {
  console.log(
    `| ${row.round + 1} | ${row.name} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.cpuMicrosPerRequest.toFixed(0)} | ${row.peakRssMb.toFixed(1)} | ${row.coldStartMs.toFixed(0)} |`,
  );
}
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
