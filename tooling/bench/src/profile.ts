/**
 * `pnpm profile`: runs the built gateway under `node --cpu-prof` while
 * autocannon loads it for a few seconds, then prints where its CPU time went
 * (self time by package and by function). The .cpuprofile is kept for
 * Chrome DevTools.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@tokengate/testkit";
import { runLoad } from "./load.js";
import { startGateway } from "./targets.js";
import { startUpstreamStub } from "./upstream-stub.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const directory = mkdtempSync(join(tmpdir(), "tokengate-profile-"));
const stub = await startUpstreamStub();
const gateway = await startGateway(stub.url, await freePort("127.0.0.1"), [
  "--cpu-prof",
  `--cpu-prof-dir=${directory}`,
]);
const load = await runLoad({ url: gateway.url, connections: 50, durationSeconds: 5 });
// The profile is written as the process exits.
await gateway.stop();
await stub.close();

const file = readdirSync(directory).find((name) => name.endsWith(".cpuprofile"));
if (!file) throw new Error("no profile written");
const profile = JSON.parse(readFileSync(join(directory, file), "utf8")) as {
  nodes: ProfileNode[];
  samples: number[];
};
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const packageOf = (url: string) =>
  url.match(/node_modules\/\.pnpm\/(@?[^@/]+(?:\+[^@/]+)?)@/)?.[1]?.replace("+", "/") ??
  (url.startsWith("node:")
    ? url
    : url.includes("/dist/")
      ? `tokengate:${url.split("/").slice(-2).join("/")}`
      : url || "(native, gc, idle)");
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const id of profile.samples) {
  const frame = nodes.get(id)?.callFrame;
  if (!frame) continue;
  const owner = packageOf(frame.url);
  byPackage.set(owner, (byPackage.get(owner) ?? 0) + 1);
  const name = `${frame.functionName || "(anonymous)"}  ${owner}:${frame.lineNumber}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
}
const total = profile.samples.length;
const top = (counts: Map<string, number>, count: number) =>
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, samples]) => `${((100 * samples) / total).toFixed(1).padStart(5)}%  ${name}`)
    .join("\n");
console.log(
  `profiled ${load.requests} requests (${load.rps.toFixed(0)} req/s under the profiler)\n`,
);
console.log(
  `self time by package\n${top(byPackage, 15)}\n\nself time by function\n${top(byFunction, 20)}`,
);
console.log(`\nprofile: ${join(directory, file)}`);
