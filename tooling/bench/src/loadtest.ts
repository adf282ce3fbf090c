/**
 * `pnpm loadtest [--quick]`: loopback load against the built gateway with a
 * fast local upstream. Checks correctness under load (every answer a right
 * token or the documented error, no request lost, memory flat) and prints
 * the figures; then two replicas in broker mode sharing one Redis, their
 * rate limits exact under load. Exits 1 when a check fails. `--quick` is
 * the CI-sized run.
 *
 * `pnpm loadtest --budget [--quick]`: instead, two replicas and one Redis in
 * front of an upstream that enforces a scaled per-IP limit, once with token
 * reuse and once without (see budget-load.ts).
 */

import { parseArgs } from "node:util";
import { freePort } from "@tokengate/testkit";
import { runLoad } from "./load.js";
import { errorCodeOf, postGraphQL, tokenOf } from "./operation.js";
import { memoryMb } from "./process-stats.js";
import { runReplicasLoad } from "./replicas-load.js";
import { startGateway } from "./targets.js";
import { STUB_TOKEN, startUpstreamStub } from "./upstream-stub.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    budget: { type: "boolean", default: false },
  },
});
if (values.budget) {
  const { runBudgetChecks } = await import("./budget-checks.js");
  process.exit((await runBudgetChecks(values.quick)) ? 0 : 1);
}
const size = values.quick
  ? { load: 600, alternate: 100, warmup: 200, replicas: 600 }
  : { load: 3_000, alternate: 500, warmup: 1_000, replicas: 3_000 };
const CONNECTIONS = 50;

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`${ok ? "PASS" : "FAIL"}  ${what}`);
  if (!ok) failures.push(what);
}

const stub = await startUpstreamStub();
const gateway = await startGateway(stub.url, await freePort("127.0.0.1"));
try {
  const isToken = (status: number, body: string) => status === 200 && tokenOf(body) === STUB_TOKEN;

  await runLoad({
    url: gateway.url,
    connections: CONNECTIONS,
    amount: size.warmup,
  });
  const afterWarmup = memoryMb(gateway.pid);

  const before = stub.count();
  const load = await runLoad({
    url: gateway.url,
    connections: CONNECTIONS,
    amount: size.load,
    check: isToken,
  });
  const afterLoad = memoryMb(gateway.pid);
  console.log(
    `\nload: ${load.requests} mutations at ${CONNECTIONS} connections: ${load.rps.toFixed(0)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, errors ${load.errors}, non-2xx ${load.non2xx}, wrong tokens ${load.wrong}`,
  );
  console.log(
    `memory: RSS after warm-up ${afterWarmup.rss.toFixed(1)} MB, after load ${afterLoad.rss.toFixed(1)} MB (${(afterLoad.rss / afterWarmup.rss).toFixed(2)}×), peak ${afterLoad.peak.toFixed(1)} MB`,
  );
  check(
    load.requests === size.load && load.errors === 0 && load.non2xx === 0,
    `${size.load} mutations, zero failures`,
  );
  check(load.wrong === 0, "every answer carries the upstream's token");
  check(
    stub.count() - before === size.load,
    "one upstream call per mutation, none lost or doubled",
  );
  check(afterLoad.rss <= afterWarmup.rss * 1.5, "RSS after load within 1.5× of RSS after warm-up");

  stub.setMode("alternate-503");
  const outcomes = new Map<string, number>();
  const flaky = await runLoad({
    url: gateway.url,
    connections: CONNECTIONS,
    amount: size.alternate,
    check: (status, body) => {
      const outcome =
        tokenOf(body) === STUB_TOKEN ? "token" : (errorCodeOf(body) ?? `HTTP ${status}`);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      return status === 200 && (outcome === "token" || outcome === "UPSTREAM_UNAVAILABLE");
    },
  });
  console.log(
    `\nflaky upstream (every other answer 503): ${JSON.stringify(Object.fromEntries(outcomes))}, p99 ${flaky.p99} ms`,
  );
  check(
    flaky.wrong === 0 && flaky.errors === 0,
    `${size.alternate} mutations: each a token or UPSTREAM_UNAVAILABLE`,
  );
  stub.setMode("ok");

  const pathological: [string, string][] = [
    [
      "1,000 aliases",
      `mutation { ${Array.from({ length: 1_000 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
    ],
    ["deep nesting", `{ ${"a { ".repeat(3_000)}b${" }".repeat(3_000)} }`],
    ["5,000 tokens", `{ ${"__typename ".repeat(5_000)}}`],
    ["directive flood", `{ __typename ${"@skip(if: false) ".repeat(3_000)}}`],
  ];
  const beforeBad = stub.count();
  console.log("");
  for (const [name, query] of pathological) {
    const started = performance.now();
    const { status, text: body } = await postGraphQL(gateway.url, JSON.stringify({ query }));
    const ms = performance.now() - started;
    console.log(`pathological ${name}: HTTP ${status} ${errorCodeOf(body)} in ${ms.toFixed(1)} ms`);
    check(
      status < 500 && errorCodeOf(body) !== null && ms < 1_000,
      `${name} refused quickly with a code`,
    );
  }
  check(stub.count() === beforeBad, "no pathological document reached the upstream");
} finally {
  const exitCode = await gateway.stop();
  await stub.close();
  check(exitCode === 0, "the gateway drained and exited 0");
}

const replicated = await runReplicasLoad(size.replicas, CONNECTIONS);
console.log(
  `\ntwo replicas, one Redis (broker mode, ${replicated.callers} callers × ${replicated.limit} mints = their limit, ${CONNECTIONS} connections split across both):`,
);
console.log("| replica | mints | req/s | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- |");
for (const row of [...replicated.replicas, replicated.total]) {
  console.log(
    `| ${row.name} | ${row.requests} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} |`,
  );
}
check(
  replicated.total.requests === size.replicas && replicated.wrong === 0,
  `${size.replicas} mints over two replicas, zero errors, each the right customer's token`,
);
check(
  replicated.upstreamMints === size.replicas && replicated.offLimit === 0,
  "the upstream minted exactly each caller's limit, no more, no less",
);
check(
  replicated.refusedAfter === replicated.callers,
  `one mint more per caller: all ${replicated.callers} RATE_LIMITED, none sent`,
);
check(replicated.redisCountsExact, "Redis holds each caller's exact count");
check(
  replicated.exitCodes.every((code) => code === 0),
  "both replicas drained and exited 0",
);

console.log(
  failures.length === 0
    ? "\nloadtest: all checks passed"
    : `\nloadtest: ${failures.length} check(s) failed`,
);
process.exit(failures.length === 0 ? 0 : 1);
