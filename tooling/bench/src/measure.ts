import { isDeepStrictEqual } from "node:util";
import { runLoad } from "./load.js";
import {
  AUTHORIZATION,
  CUSTOMER_GUID,
  MINT_BODY,
  MINT_SCOPES,
  postGraphQL,
  tokenOf,
} from "./operation.js";
import { cpuMicros, memoryMb } from "./process-stats.js";
import type { Row } from "./report.js";
import { scopeWireValues } from "./scopes.js";
import type { Target } from "./targets.js";
import { STUB_TOKEN, type UpstreamStub } from "./upstream-stub.js";

const wireValues = scopeWireValues();
/** What every target must send the upstream for MINT_BODY. */
const WIRE_REQUEST = {
  customer_guid: CUSTOMER_GUID,
  scopes: MINT_SCOPES.map((name) => wireValues[name]),
};

/** The load of one measurement, and the stub every target calls. */
export interface Bench {
  stub: UpstreamStub;
  connections: number;
  seconds: number;
}

/** How many upstream calls a target makes: one per request, or (reusing a token) none after the first. */
export type Upstream = "every request" | "reused";

/** One mint through `target`, which must return the stub's token after `calls` upstream calls. */
async function mintOnce(
  { stub }: Bench,
  target: Target,
  authorization: string,
  calls: 0 | 1,
): Promise<void> {
  const before = stub.count();
  const received = stub.nextMint();
  const token = tokenOf((await postGraphQL(target.url, MINT_BODY, authorization)).text);
  if (token !== STUB_TOKEN || stub.count() - before !== calls) {
    throw new Error(
      `${target.name} did not return the stub's token after exactly ${calls} upstream call(s)`,
    );
  }
  if (calls === 0) return;
  const mint = await received;
  if (
    !isDeepStrictEqual(mint.body, WIRE_REQUEST) ||
    (authorization === AUTHORIZATION && mint.authorization !== AUTHORIZATION)
  ) {
    throw new Error(
      `${target.name} sent the upstream ${JSON.stringify(mint)}, not ${JSON.stringify(WIRE_REQUEST)}`,
    );
  }
}

/** The first mint goes upstream as the wire request; with reuse, the second is answered without a call. */
async function verify(
  bench: Bench,
  target: Target,
  authorization: string,
  upstream: Upstream,
): Promise<void> {
  await mintOnce(bench, target, authorization, 1);
  if (upstream === "reused") await mintOnce(bench, target, authorization, 0);
}

/**
 * One target's figures: its first mint checked as the wire request (and,
 * reusing, the second answered without a call), a warm-up, then the
 * measured load, every answer the stub's token.
 */
export async function measure(
  bench: Bench,
  target: Target,
  authorization = AUTHORIZATION,
  upstream: Upstream = "every request",
): Promise<Omit<Row, "round">> {
  const startRssMb = memoryMb(target.pid).rss;
  const { stub, connections, seconds } = bench;
  await verify(bench, target, authorization, upstream);
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
  const calls = stub.count() - stubBefore;
  if (load.wrong > 0 || (upstream === "reused" ? calls > 0 : calls < load.requests)) {
    throw new Error(
      `${target.name}: ${load.wrong} wrong answers, ${calls} upstream calls for ${load.requests} requests`,
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
