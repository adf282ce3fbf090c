import {
  type FaultServer,
  type RedisServer,
  sendJson,
  startFaultServer,
  startRedis,
} from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerSettings } from "./support/broker-upstream.js";
import {
  callerToken,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./support/caller-tokens.js";
import { GUID, mint, startGateway, type TestGateway } from "./support/gateway.js";

let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let upstream: FaultServer;
/** The token endpoint answers; the upstream accepts the bank token. */
let bankTokensWork = true;

beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
  upstream = await startFaultServer((request, response) => {
    if (request.url === "/oauth/token") {
      if (!bankTokensWork) return sendJson(response, 401, { error: "invalid_client" });
      return sendJson(response, 200, {
        access_token: `bank-token-${upstream.requests.length}-ready`,
        token_type: "Bearer",
        expires_in: 3600,
      });
    }
    if (!bankTokensWork) {
      return sendJson(response, 401, {
        status: 401,
        error_message: "revoked",
        message_code: "authentication_failed",
      });
    }
    sendJson(response, 201, { access_token: "a.b.c" });
  });
});
afterAll(async () => {
  await jwks.close();
  await upstream.close();
});

const ready = async (gateway: TestGateway) => {
  const response = await fetch(`${gateway.url}/ready`);
  return [response.status, await response.json()];
};
const broker = (env: Record<string, string> = {}) =>
  startGateway(upstream.url, { ...brokerSettings(upstream.url, `${jwks.url}/jwks.json`), ...env });
const as = async (sub: string) => ({
  authorization: `Bearer ${await callerToken(key, { sub, customer_guid: GUID })}`,
});
const READ = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  return value;
}

describe("/ready: would a mint sent here now be served", () => {
  it("is 503 no_bank_token once the bank token is lost after start and every mint fails, 200 again when one comes", async () => {
    bankTokensWork = true;
    const gateway = await broker();
    expect(
      await eventually(
        () => ready(gateway),
        ([status]) => status === 200,
      ),
    ).toEqual([200, { ready: true }]);
    bankTokensWork = false;
    const { body } = await mint(gateway, READ, await as("user-lost"));
    expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(await ready(gateway)).toEqual([503, { ready: false, reason: "no_bank_token" }]);
    bankTokensWork = true;
    expect(
      await eventually(
        () => ready(gateway),
        ([status]) => status === 200,
      ),
    ).toEqual([200, { ready: true }]);
    await gateway.stop();
  });

  describe("with a shared Redis", () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(() => redis.stop());

    it("stays 200 (degraded) while Redis hangs, and a hanging Redis is asked once per hold-off, not by every mint nor by each of its users", async () => {
      bankTokensWork = true;
      const gateway = await broker({
        REDIS_URL: redis.url,
        // The caller limits alone; token reuse through Redis has its own tests.
        TOKEN_REUSE: "off",
        RATE_LIMIT_MINTS_PER_MINUTE: "50",
        METRICS_PORT: "0",
      });
      await eventually(
        () => ready(gateway),
        ([status]) => status === 200,
      );
      const caller = await as("user-hang");
      expect((await mint(gateway, READ, caller)).body.errors).toBeUndefined();
      process.kill(redis.pid, "SIGSTOP");
      try {
        for (let i = 0; i < 6; i += 1) {
          expect((await mint(gateway, READ, caller)).body.errors).toBeUndefined();
        }
        expect(await ready(gateway)).toEqual([
          200,
          { ready: true, degraded: "rate_limit_store_unreachable" },
        ]);
      } finally {
        process.kill(redis.pid, "SIGCONT");
      }
      // Redis runs what reached it once it resumes: the first mint, and the one that timed out.
      const counted = await eventually(
        () => redis.command("GET tokengate:mints:caller:user-hang"),
        (value) => value === "2",
      );
      expect(counted).toBe("2");
      // One connection, one health: the budget, asked after the limits, never
      // sent the hanging Redis a decision; only the mint before the hang is in its log.
      expect(await redis.command("ZCARD tokengate:upstream-budget:createCustomerToken:log")).toBe(
        ":1",
      );
      const metrics = await (await fetch(`${gateway.metricsUrl}/metrics`)).text();
      // One per mint counted on this replica alone, not one per counter.
      expect(metrics).toMatch(/^tokengate_rate_limit_store_errors_total 6$/m);
      await gateway.stop();
    });
  });
});
