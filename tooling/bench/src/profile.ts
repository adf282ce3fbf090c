/**
 * `pnpm --filter @tokengate/bench run profile [--duration 8]`: runs the
 * built gateway as deployed under `node --cpu-prof`, warms it up, loads it
 * with the bench's mint, and prints where the CPU time of the loaded window
 * went (start-up and warm-up left out): by layer, then the functions with
 * the most self time; then what its resident memory held at its peak
 * (file-backed pages, V8's heap by space, the rest of its anonymous memory). The .cpuprofile is
 * kept for Chrome DevTools.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { freePort } from "@tokengate/testkit";
import { runLoad } from "./load.js";
import { type ProfileNode, samplesByLayer } from "./profile-layers.js";
import { startGateway } from "./targets.js";
import { startUpstreamStub } from "./upstream-stub.js";

const { values } = parseArgs({ options: { duration: { type: "string", default: "8" } } });
const seconds = Number(values.duration);

const directory = mkdtempSync(join(tmpdir(), "tokengate-profile-"));
const stub = await startUpstreamStub();
const memoryFile = join(directory, "memory-at-peak.json");
const gateway = await startGateway(
  stub.url,
  await freePort("127.0.0.1"),
  [
    "--cpu-prof",
    `--cpu-prof-dir=${directory}`,
    "--import",
    fileURLToPath(new URL("./memory-probe.mjs", import.meta.url)),
  ],
  { MEMORY_PROBE_FILE: memoryFile },
);
await runLoad({ url: gateway.url, connections: 50, durationSeconds: 3 });
const loadStart = performance.now();
const load = await runLoad({ url: gateway.url, connections: 50, durationSeconds: seconds });
const loadEnd = performance.now();
// The profile is written as the process exits: its end is this moment.
await gateway.stop();
const exited = performance.now();
await stub.close();

const file = readdirSync(directory).find((name) => name.endsWith(".cpuprofile"));
if (!file) throw new Error("no profile written");
const profile = JSON.parse(readFileSync(join(directory, file), "utf8")) as {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
};
// Sample times in µs on the profile's clock; the loaded window measured back from its end.
const windowStart = profile.endTime - (exited - loadStart) * 1000;
const windowEnd = profile.endTime - (exited - loadEnd) * 1000;
const times: number[] = [];
let time = profile.endTime - profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
for (const delta of profile.timeDeltas) {
  time += delta;
  times.push(time);
}
const loaded = profile.samples.filter((_id, index) => {
  const at = times[index] ?? 0;
  return at >= windowStart && at <= windowEnd;
});

const total = loaded.length;
const percent = (count: number) => `${((100 * count) / total).toFixed(1).padStart(5)}%`;
const microsPerRequest = (count: number) =>
  `${(((count / total) * (loadEnd - loadStart) * 1000) / load.requests).toFixed(0).padStart(4)} µs`;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const byFunction = new Map<string, number>();
for (const id of loaded) {
  const frame = byId.get(id)?.callFrame;
  const where =
    frame?.url.replace(/^.*node_modules\/\.pnpm\/([^/]+)\/node_modules\//, "$1: ") ?? "";
  const name = `${frame?.functionName || "(anonymous)"}  ${where.split("/").slice(-2).join("/")}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
}
const sorted = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]);

console.log(
  `profiled ${load.requests} requests over ${seconds} s after a 3 s warm-up (${load.rps.toFixed(0)} req/s under the profiler)\n`,
);
console.log(
  "| layer | share of the gateway's CPU samples | wall time per request |\n| --- | --- | --- |",
);
for (const [layer, count] of sorted(samplesByLayer(profile.nodes, loaded))) {
  console.log(`| ${layer} | ${percent(count)} | ${microsPerRequest(count)} |`);
}
console.log("\nself time by function");
for (const [name, count] of sorted(byFunction).slice(0, 20))
  console.log(`${percent(count)}  ${name}`);

interface MemoryAtPeak {
  rss: number;
  fileBacked: number;
  anonymous: number;
  heapSpaces: Record<string, number>;
  external: number;
}
const memory = JSON.parse(readFileSync(memoryFile, "utf8")) as MemoryAtPeak;
const heap = Object.values(memory.heapSpaces).reduce((sum, size) => sum + size, 0);
const spaces = Object.entries(memory.heapSpaces)
  .filter(([, size]) => size >= 1)
  .map(([space, size]) => `${space} ${size.toFixed(0)}`)
  .join(", ");
console.log(
  [
    `\nresident memory at its peak: ${memory.rss.toFixed(0)} MB`,
    `- file-backed pages (the node binary's code and data, shared libraries): ${memory.fileBacked.toFixed(0)} MB`,
    `- anonymous memory: ${memory.anonymous.toFixed(0)} MB, of which V8's heap ${heap.toFixed(0)} MB (${spaces}), the rest ${(memory.anonymous - heap).toFixed(0)} MB malloc's arenas, thread stacks and buffers outside the heap (${memory.external.toFixed(0)} MB counted by V8 as external)`,
  ].join("\n"),
);
console.log(`\nprofile: ${join(directory, file)}`);
