/** One target's figures in one round. */
export interface Row {
  name: string;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMicrosPerRequest: number;
  startRssMb: number;
  peakRssMb: number;
  coldStartMs: number;
}

export function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Prints rows as a Markdown table. */
export function table(list: Row[]): void {
  console.log(
    "| round | target | req/s | p50 ms | p99 ms | errors | CPU µs/req | RSS at start MB | peak RSS MB | cold start ms |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of list) {
    console.log(
      `| ${row.round + 1} | ${row.name} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.cpuMicrosPerRequest.toFixed(0)} | ${row.startRssMb.toFixed(1)} | ${row.peakRssMb.toFixed(1)} | ${row.coldStartMs.toFixed(0)} |`,
    );
  }
}

/** Each target's figures against the floor of the same round (`floor` names it), then their medians. */
export function comparison(rows: Row[], floor: string, names: string[]): void {
  const ratio = (row: Row) => {
    const base = rows.find((one) => one.round === row.round && one.name === floor) as Row;
    return {
      throughput: row.rps / base.rps,
      p99: row.p99 / base.p99,
      cpu: row.cpuMicrosPerRequest / base.cpuMicrosPerRequest,
    };
  };
  console.log(
    "| round | target | req/s | × floor | CPU µs/req | × floor | p50 ms | p99 ms | × floor | peak RSS MB | errors | cold start ms |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) {
    const { throughput, p99, cpu } = ratio(row);
    console.log(
      `| ${row.round + 1} | ${row.name} | ${row.rps.toFixed(0)} | ${throughput.toFixed(2)} | ${row.cpuMicrosPerRequest.toFixed(0)} | ${cpu.toFixed(2)} | ${row.p50} | ${row.p99} | ${p99.toFixed(2)} | ${row.peakRssMb.toFixed(1)} | ${row.errors} | ${row.coldStartMs.toFixed(0)} |`,
    );
  }
  console.log(
    "\n| target | throughput × floor | CPU per request × floor | p99 × floor | peak RSS MB |\n| --- | --- | --- | --- | --- |",
  );
  for (const name of names) {
    const own = rows.filter((row) => row.name === name);
    if (own.length === 0) continue;
    const ratios = own.map(ratio);
    console.log(
      `| ${name} | ${median(ratios.map((r) => r.throughput)).toFixed(2)} | ${median(ratios.map((r) => r.cpu)).toFixed(2)} | ${median(ratios.map((r) => r.p99)).toFixed(2)} | ${Math.max(...own.map((row) => row.peakRssMb)).toFixed(1)} |`,
    );
  }
}
