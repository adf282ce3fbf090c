/**
 * `pnpm --filter @tokengate/bench run compare --baseline REF [--rounds 6]
 * [--duration 8] [--connections 50]`: this workspace's gateway against the
 * gateway of another commit (`main`, a tag, a hash), both as deployed (each
 * by its own package's start command), with the floor, taking turns round
 * after round over one upstream stub. Two builds of one gateway differ by
 * less than this machine drifts over a few minutes, so it runs many short
 * rounds and compares within each round: the gateway's CPU per request and
 * throughput over the baseline's, then the median of those ratios.
 * `pnpm bench --baseline REF` puts the baseline among every other row.
 */
import { parseArgs } from "node:util";
import { freePort } from "@tokengate/testkit";
import { prepareBaseline } from "./baseline.js";
import { measure } from "./measure.js";
import { AUTHORIZATION } from "./operation.js";
import { median, type Row, table } from "./report.js";
import { startFloor, startGateway, type Target } from "./targets.js";
import { startUpstreamStub } from "./upstream-stub.js";

const { values } = parseArgs({
  options: {
    baseline: { type: "string" },
    rounds: { type: "string", default: "6" },
    duration: { type: "string", default: "8" },
    connections: { type: "string", default: "50" },
  },
});
if (!values.baseline) throw new Error("compare needs --baseline REF (a branch, tag or commit)");
const rounds = Number(values.rounds);
const seconds = Number(values.duration);
const connections = Number(values.connections);

const baseline = prepareBaseline(values.baseline);
process.once("exit", () => baseline.remove());
const stub = await startUpstreamStub();
const bench = { stub, connections, seconds };

const CURRENT = "tokengate (this workspace)";
const BASELINE = `tokengate at ${baseline.label}`;
const starters: [string, (port: number) => Promise<Target>][] = [
  ["floor", (port) => startFloor(stub.url, port)],
  [CURRENT, (port) => startGateway(stub.url, port, [], {}, CURRENT)],
  [BASELINE, (port) => startGateway(stub.url, port, [], {}, BASELINE, baseline.command)],
];

const rows: Row[] = [];
for (let round = 0; round < rounds; round++) {
  for (const [, start] of starters) {
    const target = await start(await freePort("127.0.0.1"));
    try {
      rows.push({ ...(await measure(bench, target, AUTHORIZATION)), round });
    } finally {
      await target.stop();
    }
  }
}
await stub.close();

const of = (name: string, round: number) =>
  rows.find((row) => row.name === name && row.round === round) as Row;
const perRound = Array.from({ length: rounds }, (_, round) => ({
  cpu: of(CURRENT, round).cpuMicrosPerRequest / of(BASELINE, round).cpuMicrosPerRequest,
  rps: of(CURRENT, round).rps / of(BASELINE, round).rps,
  peak: of(CURRENT, round).peakRssMb - of(BASELINE, round).peakRssMb,
}));
console.log(
  `\ncompare: ${rounds} round(s) × ${seconds} s × ${connections} connections, Node ${process.version}, loopback\n`,
);
table(rows);
console.log(`\n| round | CPU per request, this ÷ ${baseline.label} | throughput | peak RSS MB |`);
console.log("| --- | --- | --- | --- |");
for (const [round, ratio] of perRound.entries()) {
  const peak = `${ratio.peak >= 0 ? "+" : ""}${ratio.peak.toFixed(1)}`;
  console.log(`| ${round + 1} | ${ratio.cpu.toFixed(2)} | ${ratio.rps.toFixed(2)} | ${peak} |`);
}
const medianOf = (pick: (ratio: (typeof perRound)[number]) => number) => median(perRound.map(pick));
console.log(
  `| median | ${medianOf((r) => r.cpu).toFixed(2)} | ${medianOf((r) => r.rps).toFixed(2)} | ${medianOf((r) => r.peak).toFixed(1)} |`,
);
