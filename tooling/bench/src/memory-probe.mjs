// Preloaded into the profiled gateway (`node --import`): samples its memory
// every 100 ms and, as it exits, writes the sample with the highest RSS to
// MEMORY_PROBE_FILE: V8's heap spaces, and the resident pages by mapping
// (the node binary's own file-backed pages, anonymous memory, malloc's heap).
import { readFileSync, writeFileSync } from "node:fs";
import { getHeapSpaceStatistics } from "node:v8";

const MB = 1024 * 1024;
const residentByMapping = () => {
  const resident = {};
  let mapping = "";
  for (const line of readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const header = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/);
    if (header) {
      const name = header[1] ?? "";
      mapping = name === "" ? "anonymous" : name.startsWith("/") ? name.split("/").pop() : name;
      continue;
    }
    const rss = line.match(/^Rss:\s+(\d+) kB/);
    if (rss) resident[mapping] = (resident[mapping] ?? 0) + Number(rss[1]) / 1024;
  }
  return resident;
};
let peak = { rss: 0 };
setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss <= peak.rss) return;
  peak = {
    rss: rss / MB,
    heapSpaces: Object.fromEntries(
      getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size / MB]),
    ),
    external: process.memoryUsage().external / MB,
    mappings: residentByMapping(),
  };
}, 100).unref();
process.on("exit", () =>
  writeFileSync(process.env.MEMORY_PROBE_FILE ?? "/dev/null", JSON.stringify(peak)),
);
