import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "./free-port.js";

export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** PID of the redis-server process. */
  pid: number;
  /** Sends one inline command (`DBSIZE`, `GET key`): the reply line (`+OK`, `:3`), or a bulk reply's value (`null` for none). */
  command(line: string): Promise<string | null>;
  /** Stops this redis-server by its PID and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface RedisOptions {
  /** Port to bind (e.g. to restart on the port a stopped one had); default a free one. */
  port?: number;
  /** How long to wait for it to answer PING. Default 10 s. */
  startTimeoutMs?: number;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** The reply to `line` once `reply` holds all of it: a simple reply's line, a bulk reply's value. */
function parsed(reply: string): { done: boolean; value: string | null } {
  const lines = reply.split("\r\n");
  const first = lines[0] ?? "";
  if (lines.length < 2) return { done: false, value: null };
  if (!first.startsWith("$")) return { done: true, value: first };
  if (first === "$-1") return { done: true, value: null };
  return lines.length < 3 ? { done: false, value: null } : { done: true, value: lines[1] ?? "" };
}

/** One inline command over a fresh connection. */
function send(port: number, line: string, timeoutMs = 1_000): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`redis did not answer ${line}`)));
    socket.once("error", reject);
    socket.on("data", (chunk: Buffer) => {
      reply += chunk.toString("utf8");
      const { done, value } = parsed(reply);
      if (!done) return;
      socket.end();
      resolve(value);
    });
    socket.write(`${line}\r\n`);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exit;
  clearTimeout(timer);
}

/**
 * Starts a real `redis-server` (Debian's `redis-server` package) on a free
 * loopback port, in memory only (no RDB or AOF files), and resolves once it
 * answers PING. Stop it with `stop()`, which ends it by its PID.
 */
export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort("127.0.0.1"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const spawned = new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new Error("redis-server is not installed (apt-get install redis-server)")
          : error,
      ),
    );
  });
  await spawned;
  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited:\n${output}`);
    if ((await send(port, "PING").catch(() => "")) === "+PONG") break;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`redis-server did not answer in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (child.pid === undefined) throw new Error("redis-server has no pid");
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    command: (line) => send(port, line),
    stop: () => stopChild(child),
  };
}
