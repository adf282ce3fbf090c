import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** The browser bundle's budget, minified; the bundle is 13.2 KB (4.7 KB gzipped). */
const BUDGET_BYTES = 16 * 1024;

describe("the client in a browser bundle", () => {
  it("bundles its build and @0no-co/graphql.web only, within its size budget", async () => {
    const result = await build({
      entryPoints: [new URL("../../dist/index.js", import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const packages = new Set(
      Object.keys(result.metafile.inputs)
        .map((input) => input.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? "own")
        .filter((name) => name !== "own"),
    );
    expect([...packages]).toEqual(["@0no-co/graphql.web"]);
    const bytes = result.outputFiles[0]?.contents.byteLength ?? Number.POSITIVE_INFINITY;
    console.log(`browser bundle: ${(bytes / 1024).toFixed(1)} KB minified`);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
