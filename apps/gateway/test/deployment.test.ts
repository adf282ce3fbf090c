import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NODE_FLAGS } from "../src/core/node-flags.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("the deployment command", () => {
  it("carries the gateway's V8 flags in the docs and the start script", () => {
    const flags = NODE_FLAGS.join(" ");
    for (const page of ["operations.md", "deployment.md"]) {
      const commands = read(`../../../docs/${page}`).match(/^.*\bnode .*dist\/main\.js$/gm);
      expect(commands, page).not.toBeNull();
      for (const command of commands ?? [])
        expect(command).toMatch(new RegExp(`node ${flags} (apps/gateway/)?dist/main\\.js$`));
    }
    const { scripts } = JSON.parse(read("../package.json")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`node ${flags} dist/main.js`);
  });
});
