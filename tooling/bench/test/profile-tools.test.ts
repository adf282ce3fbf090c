/**
 * The profile's by-layer table and memory probe, and the baseline's
 * start command: the parts of `profile`, `compare` and `--baseline` that
 * decide what their figures mean.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { prepareBaseline } from "../src/baseline.js";
import { gatewayCommand } from "../src/gateway-command.js";
import { type ProfileNode, samplesByLayer } from "../src/profile-layers.js";

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url },
  children,
});

describe("samples by layer", () => {
  // root → yoga → gateway pipeline → writev (native); root → GC; root → idle
  const nodes: ProfileNode[] = [
    frame(1, "(root)", "", [2, 5, 6]),
    frame(
      2,
      "handle",
      "file:///x/node_modules/.pnpm/graphql-yoga@5.24.1/node_modules/graphql-yoga/esm/server.js",
      [3],
    ),
    frame(3, "run", "file:///w/apps/gateway/dist/operations/pipeline.js", [4]),
    frame(4, "writev", ""),
    frame(5, "(garbage collector)", ""),
    frame(6, "(idle)", ""),
  ];

  it.each([
    ["a native frame goes to the innermost layer above it", [4], "gateway: operation pipeline"],
    ["a library frame goes to its library's layer", [2], "yoga and envelop (plugins included)"],
    ["GC is its own layer", [5], "garbage collection"],
    ["idle is its own layer", [6], "idle"],
  ])("%s", (_name, samples, layer) => {
    expect([...samplesByLayer(nodes, samples)]).toEqual([[layer, samples.length]]);
  });
});

describe("the memory probe", () => {
  it("writes the process's peak resident memory, its file-backed share and V8's heap spaces as it exits", () => {
    const file = join(mkdtempSync(join(tmpdir(), "probe-")), "peak.json");
    const probe = fileURLToPath(new URL("../src/memory-probe.mjs", import.meta.url));
    execFileSync(process.execPath, ["--import", probe, "-e", "setTimeout(() => {}, 300)"], {
      env: { ...process.env, MEMORY_PROBE_FILE: file },
    });
    const peak = JSON.parse(readFileSync(file, "utf8"));
    expect(peak.rss).toBeGreaterThan(peak.fileBacked);
    expect(peak.fileBacked).toBeGreaterThan(0);
    expect(peak.anonymous).toBeGreaterThan(0);
    expect(Object.keys(peak.heapSpaces)).toEqual(
      expect.arrayContaining(["new_space", "old_space"]),
    );
  });
});

describe("another checkout's gateway", () => {
  it("starts by that package's own start command, in its folder", () => {
    const folder = mkdtempSync(join(tmpdir(), "baseline-"));
    const manifest = join(folder, "package.json");
    writeFileSync(manifest, JSON.stringify({ scripts: { start: "node --flag dist/main.js" } }));
    expect(gatewayCommand(manifest)).toEqual({ cwd: folder, args: ["--flag", "dist/main.js"] });
  });

  it("refuses a ref that names no commit, before checking anything out", () => {
    const worktrees = () => execFileSync("git", ["worktree", "list"], { encoding: "utf8" });
    const before = worktrees();
    expect(() => prepareBaseline("no-such-ref-anywhere")).toThrow(/no-such-ref-anywhere/);
    expect(worktrees()).toBe(before);
  });
});
