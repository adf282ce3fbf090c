import { type BudgetRunSize, runBudgetLoad } from "./budget-load.js";

const QUICK: BudgetRunSize = {
  callers: 200,
  customers: 4,
  mintLimit: 10,
  tokenLimit: 5,
  windowSeconds: 5,
  durationSeconds: 12,
  everyMs: 1_000,
};
const FULL: BudgetRunSize = {
  callers: 400,
  customers: 8,
  mintLimit: 20,
  tokenLimit: 5,
  windowSeconds: 10,
  durationSeconds: 40,
  everyMs: 2_000,
};

/**
 * The budget load run, with reuse on and then off: prints each run's figures
 * and checks what the budget promises. Resolves `true` when every check passed.
 */
export async function runBudgetChecks(quick: boolean): Promise<boolean> {
  const size = quick ? QUICK : FULL;
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? "PASS" : "FAIL"}  ${what}`);
    if (!ok) failures.push(what);
  };
  console.log(
    `budget run: two replicas, one Redis; upstream and budget ${size.mintLimit} mints and ${size.tokenLimit} token requests per ${size.windowSeconds} s per IP; ${size.callers} callers over ${size.customers} customers, each minting about every ${size.everyMs} ms for ${size.durationSeconds} s`,
  );
  const runs = [];
  for (const reuse of [true, false]) {
    const run = await runBudgetLoad(size, reuse);
    runs.push(run);
    const label = `reuse ${reuse ? "on" : "off"}`;
    console.log(`\n${label}: ${JSON.stringify(run)}`);
    check(run.upstream429s === 0, `${label}: 0 upstream 429s`);
    check(
      run.peakPerWindow <= size.mintLimit,
      `${label}: at most ${size.mintLimit} upstream mints in any ${size.windowSeconds} s (peak ${run.peakPerWindow})`,
    );
    check(
      run.tokenRequests <= size.tokenLimit,
      `${label}: bank-token requests within the token limit`,
    );
    check(
      run.wrong === 0,
      `${label}: every answer the caller's customer's token or UPSTREAM_RATE_LIMITED (${run.tokens} tokens, ${run.refused} refused)`,
    );
    check(
      run.wrongWaits === 0,
      `${label}: every retryAfterSeconds right to the second (the shared log's wait when the budget decided)`,
    );
    check(
      run.countedEarly === 0 && run.countedLateMs <= 1_000,
      `${label}: every upstream mint counted in the shared log, from within a second after the upstream received it (at most ${run.countedLateMs} ms)`,
    );
    check(
      run.exitCodes.every((code) => code === 0),
      `${label}: both replicas drained and exited 0`,
    );
  }
  const [on, off] = runs;
  if (on && off) {
    console.log(
      "\n| reuse | requests | tokens | of them reused | UPSTREAM_RATE_LIMITED | upstream mints | mints answered per upstream mint |",
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const run of runs) {
      console.log(
        `| ${run.reuse ? "on" : "off"} | ${run.requests} | ${run.tokens} | ${run.reused} | ${run.refused} | ${run.upstreamMints} | ${run.reuseRatio.toFixed(2)} |`,
      );
    }
    check(
      off.reused === 0 && off.tokens === off.upstreamMints,
      "reuse off: one upstream mint per token answered",
    );
    check(on.reuseRatio > off.reuseRatio, "reuse on answers more mints per upstream mint");
  }
  console.log(
    failures.length === 0
      ? "\nloadtest --budget: all checks passed"
      : `\nloadtest --budget: ${failures.length} check(s) failed`,
  );
  return failures.length === 0;
}
