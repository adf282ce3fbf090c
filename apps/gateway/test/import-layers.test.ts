import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";

const gateway = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

describe("the gateway's layers", () => {
  it("import only downward and in no loop (.dependency-cruiser.cjs, as pnpm lint:imports reads it)", async () => {
    const options = await extractDepcruiseOptions(gateway(".dependency-cruiser.cjs"));
    const { output } = await cruise(
      ["src"],
      { ...options, validate: true, baseDir: gateway("") },
      {},
      { tsConfig: extractTSConfig(gateway("tsconfig.json")) },
    );
    const { summary } = output as ICruiseResult;
    const violations = summary.violations.map(
      ({ rule, from, to }) => `${rule.name}: ${from} → ${to}`,
    );
    expect(violations).toEqual([]);
    // The rules saw the whole app, not an empty folder.
    expect(summary.totalCruised).toBeGreaterThan(80);
  });
});
