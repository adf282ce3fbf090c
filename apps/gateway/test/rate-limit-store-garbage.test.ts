import { randomBytes } from "node:crypto";
import { type RedisServer, startRedis } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerSettings, useBrokerFixture } from "./support/broker-upstream.js";
import { callerToken } from "./support/caller-tokens.js";
import { mint, startGateway, type TestGateway } from "./support/gateway.js";

const broker = useBrokerFixture();
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

const storeErrors = async (gateway: TestGateway) => {
  const metrics = await (await fetch(`${gateway.metricsUrl}/metrics`)).text();
  return Number(metrics.match(/^tokengate_rate_limit_store_errors_total (\d+)/m)?.[1] ?? 0);
};

describe("a rate-limit count in Redis that is not a count", () => {
  it.each([
    ["a string", "SET {key} lots"],
    ["a negative number", "SET {key} -1000"],
    ["a float", "SET {key} 1.5"],
    ["a count beyond 64 bits", "SET {key} 99999999999999999999"],
    ["another type", "RPUSH {key} 1"],
  ])(
    "(%s) is a store failure: the limit holds on this replica, counted and warned, and the key is repaired",
    async (name, command) => {
      // A gateway of its own: a store failure makes the next checks skip Redis for a while.
      const gateway = await startGateway(broker.upstream.url, {
        ...brokerSettings(broker.upstream.url, `${broker.jwks.url}/jwks.json`),
        RATE_LIMIT_MINTS_PER_MINUTE: "3",
        REDIS_URL: redis.url,
        // The caller limits alone; token reuse through Redis has its own tests.
        TOKEN_REUSE: "off",
        METRICS_PORT: "0",
      });
      const sub = `user-${name.replaceAll(" ", "-")}`;
      await redis.command(command.replace("{key}", `tokengate:mints:caller:${sub}`));
      const caller = {
        authorization: `Bearer ${await callerToken(broker.key, { sub, scope: "tokengate:admin" })}`,
      };
      const before = await storeErrors(gateway);
      const codes: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        // A customer of its own per mint: only the caller's count can refuse.
        const customerGuid = randomBytes(16).toString("hex");
        const { body } = await mint(gateway, { customerGuid, scopes: ["CUSTOMERS_READ"] }, caller);
        codes.push(String(body.errors?.[0]?.extensions?.code ?? "ok"));
      }
      expect(codes.filter((code) => code === "ok").length).toBeLessThanOrEqual(3);
      expect(codes.filter((code) => code !== "ok" && code !== "RATE_LIMITED")).toEqual([]);
      expect(await storeErrors(gateway)).toBeGreaterThan(before);
      expect(gateway.logs.join("")).toContain("rate-limit store");
      // The garbage is gone: the key is a count again, with its window's expiry.
      const ttl = Number((await redis.command(`PTTL tokengate:mints:caller:${sub}`))?.slice(1));
      expect(ttl === -2 || (ttl > 0 && ttl <= 60_000)).toBe(true);
    },
  );
});
