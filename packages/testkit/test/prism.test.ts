import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { startPrism } from "../src/index.js";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startPrism", () => {
  it("serves the spec on a free loopback port and leaves no process after stop", async () => {
    const mock = await startPrism();
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${mock.url}/api/customer_tokens`, { method: "POST" });
    expect(response.status).toBe(401);
    await mock.stop();
    expect(isAlive(mock.pid)).toBe(false);
    await mock.stop();
  });

  it("runs two mocks side by side, as parallel test runs do", async () => {
    const [first, second] = await Promise.all([startPrism(), startPrism()]);
    expect(first.url).not.toBe(second.url);
    await Promise.all([first.stop(), second.stop()]);
    expect([isAlive(first.pid), isAlive(second.pid)]).toEqual([false, false]);
  });

  it("fails with Prism's own words when the spec cannot be served, and cleans up", async () => {
    const spec = `/nonexistent/${process.pid}/openapi.yaml`;
    const failure = await startPrism({ spec, startTimeoutMs: 15_000 }).catch(
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    // Prism's own log names the missing file; the process is gone.
    expect((failure as Error).message).toMatch(
      /Prism exited with code \d+[\s\S]*(ENOENT|no such file)/i,
    );
    const left = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
    expect(left).not.toContain(spec);
  });
});
