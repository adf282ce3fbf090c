import { describe, expect, it } from "vitest";
import { startRedis } from "../src/redis.js";

describe("startRedis", () => {
  it("serves a real redis-server on a free loopback port and stops it by PID", async () => {
    const redis = await startRedis();
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await redis.command("SET greeting hello")).toBe("+OK");
    expect(await redis.command("DBSIZE")).toBe(":1");
    expect(await redis.command("GET greeting")).toBe("hello");
    expect(await redis.command("GET nothing")).toBeNull();
    await redis.stop();
    expect(() => process.kill(redis.pid, 0)).toThrow();
    await expect(redis.command("PING")).rejects.toThrow();
    await redis.stop();
  });

  it("starts again on the port a stopped one had, empty", async () => {
    const first = await startRedis();
    await first.command("SET kept no");
    await first.stop();
    const again = await startRedis({ port: first.port });
    expect(await again.command("DBSIZE")).toBe(":0");
    await again.stop();
  });
});
