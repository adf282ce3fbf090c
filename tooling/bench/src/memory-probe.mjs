// Preloaded into the profiled gateway (`node --import`): samples its memory
// every 100 ms from cheap sources (/proc/self/status and V8's heap spaces;
// smaps would cost the process more than it measures) and, as it exits,
// writes the sample with the highest RSS to MEMORY_PROBE_FILE.
import { readFileSync, writeFileSync } from "node:fs";
import { getHeapSpaceStatistics } from "node:v8";

const MB = 1024 * 1024;
const statusMb = (status, field) =>
  Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0) / 1024;
let peak = { rss: 0 };
setInterval(() => {
  const rss = process.memoryUsage.rss() / MB;
  if (rss <= peak.rss) return;
  const status = readFileSync("/proc/self/status", "utf8");
  peak = {
    rss,
    fileBacked: statusMb(status, "RssFile"),
    anonymous: statusMb(status, "RssAnon"),
    heapSpaces: Object.fromEntries(
      getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size / MB]),
    ),
    external: process.memoryUsage().external / MB,
  };
}, 100).unref();
process.on("exit", () =>
  writeFileSync(process.env.MEMORY_PROBE_FILE ?? "/dev/null", JSON.stringify(peak)),
);
