import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { GATEWAY_ARGS } from "./support/process.js";

/**
 * Starts the gateway from a launcher process that reads its first log line,
 * prints its pid and exits: the gateway's stdout then has no reader, as
 * when a log collector dies.
 */
const LAUNCHER = `
const { spawn } = require("node:child_process");
const child = spawn(process.execPath, JSON.parse(process.argv[1]), {
  env: { PATH: process.env.PATH, HOST: "127.0.0.1", PORT: "0", IDP_BASE_URL: "http://127.0.0.1:9", NODE_ENV: "production" },
  stdio: ["ignore", "pipe", "ignore"],
  detached: true,
});
child.stdout.once("data", () => { console.log(child.pid); process.exit(0); });
`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let pid: number | undefined;
afterEach(() => {
  if (pid !== undefined && alive(pid)) process.kill(pid, "SIGKILL");
});

describe("the gateway process with nobody reading its logs", () => {
  it("still exits on SIGTERM", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      "-e",
      LAUNCHER,
      JSON.stringify(GATEWAY_ARGS),
    ]);
    pid = Number(stdout.trim());
    expect(alive(pid)).toBe(true);
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + 5_000;
    while (alive(pid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(alive(pid)).toBe(false);
  });
});
