import { freePort } from "@tokengate/testkit";
import { describe, expect, it } from "vitest";
import { startTarget } from "../src/targets.js";

describe("a target that cannot serve", () => {
  it.each([
    [
      "a program that cannot be run says why",
      { program: "/nonexistent/tailcall", args: [], env: {} },
      /could not be run: spawn \/nonexistent\/tailcall ENOENT/,
    ],
    [
      "a program that exits before serving quotes its last words",
      {
        args: ["-e", "console.error('needs GLIBC_2.38'); process.exit(1)"],
        env: {},
      },
      /exited \(1\) before serving: needs GLIBC_2\.38/,
    ],
  ])("%s", async (_name, command, reason) => {
    const port = await freePort("127.0.0.1");
    await expect(startTarget("peer", command, port)).rejects.toThrow(reason);
  });
});
