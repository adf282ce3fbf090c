import { freePort } from "@tokengate/testkit";
import { describe, expect, it } from "vitest";
import { brokerSettings, useBrokerFixture } from "./support/broker-upstream.js";
import { callerToken } from "./support/caller-tokens.js";
import { GUID, mint, post, startGateway } from "./support/gateway.js";

const OTHER_GUID = "0123456789abcdef0123456789abcdef";
const READ = (customerGuid: string) => ({ customerGuid, scopes: ["CUSTOMERS_READ"] });

const broker = useBrokerFixture();

/** A broker-mode gateway allowing `limit` mints per caller and per customer per minute. */
function limitedGateway(limit: number, env: Record<string, string> = {}) {
  return startGateway(broker.upstream.url, {
    ...brokerSettings(broker.upstream.url, `${broker.jwks.url}/broker.jwks.json`),
    RATE_LIMIT_MINTS_PER_MINUTE: String(limit),
    ...env,
  });
}

const mintsSent = () =>
  broker.upstream.requests.filter((r) => r.url === "/api/customer_tokens").length;

async function as(claims: Record<string, unknown>) {
  return { authorization: `Bearer ${await callerToken(broker.key, claims)}` };
}

describe("rate limits in broker mode", () => {
  it("refuses the mint after the limit with RATE_LIMITED and retryAfterSeconds, and sends nothing", async () => {
    const gateway = await limitedGateway(3);
    const caller = await as({ sub: "user-limit", customer_guid: GUID });
    for (let i = 0; i < 3; i++) {
      const { body } = await mint(gateway, READ(GUID), caller);
      expect(body.errors).toBeUndefined();
    }
    const before = mintsSent();
    const { status, body } = await mint(gateway, READ(GUID), caller);
    expect(status).toBe(200);
    expect(body.data?.createCustomerToken ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    const retryAfter = body.errors?.[0]?.extensions?.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(mintsSent()).toBe(before);
  });

  it("counts each alias of one document as a mint", async () => {
    const gateway = await limitedGateway(2);
    const caller = await as({ sub: "user-aliases", customer_guid: GUID });
    const field = (alias: string) =>
      `${alias}: createCustomerToken(input: { customerGuid: "${GUID}", scopes: [CUSTOMERS_READ] }) { accessToken }`;
    const before = mintsSent();
    const { body } = await post(
      gateway,
      { query: `mutation { ${["a", "b", "c"].map(field).join(" ")} }` },
      caller,
    );
    // Two of the three were minted (a non-null field's error nulls the whole data).
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["RATE_LIMITED"]);
    expect(mintsSent() - before).toBe(2);
  });

  it.each([
    [
      "per customer, across callers",
      [
        { sub: "user-a", customer_guid: GUID },
        { sub: "user-b", customer_guid: GUID },
      ],
      [GUID, GUID],
    ],
    [
      "per caller, across customers",
      [
        { sub: "admin-1", scope: "tokengate:admin" },
        { sub: "admin-1", scope: "tokengate:admin" },
      ],
      [GUID, OTHER_GUID],
    ],
  ])("limits %s", async (_name, [first, second], [firstGuid, secondGuid]) => {
    const gateway = await limitedGateway(2);
    const one = await as(first as Record<string, unknown>);
    const two = await as(second as Record<string, unknown>);
    expect((await mint(gateway, READ(firstGuid as string), one)).body.errors).toBeUndefined();
    expect((await mint(gateway, READ(firstGuid as string), one)).body.errors).toBeUndefined();
    const refused = await mint(gateway, READ(secondGuid as string), two);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });

  it("does not count input that breaks the contract, or a refused caller", async () => {
    const gateway = await limitedGateway(1);
    const caller = await as({ sub: "user-careful", customer_guid: GUID });
    const bad = await mint(gateway, { customerGuid: GUID, scopes: [] }, caller);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const forbidden = await mint(gateway, READ(OTHER_GUID), caller);
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await mint(gateway, READ(GUID), caller)).body.errors).toBeUndefined();
  });

  it("is off with RATE_LIMIT_MINTS_PER_MINUTE=0", async () => {
    const gateway = await limitedGateway(0);
    const caller = await as({ sub: "user-free", customer_guid: GUID });
    for (let i = 0; i < 5; i++) {
      expect((await mint(gateway, READ(GUID), caller)).body.errors).toBeUndefined();
    }
  });

  it("refuses a caller token without a sub: there would be no caller to count", async () => {
    const gateway = await limitedGateway(5);
    const caller = await as({ sub: undefined, customer_guid: GUID });
    const { body } = await mint(gateway, READ(GUID), caller);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "no_subject",
    });
  });

  it("with Redis configured but unreachable from the start: ready but degraded, mints limited by this replica, no password logged", async () => {
    const password = "redis-password-7c6d5e";
    const port = await freePort("127.0.0.1");
    const gateway = await limitedGateway(1, {
      REDIS_URL: `redis://:${password}@127.0.0.1:${port}`,
      // The caller limits alone: no token cache to key.
      TOKEN_REUSE: "off",
    });
    // Ready once the first bank token has come, Redis or not.
    const deadline = Date.now() + 5_000;
    let ready = await fetch(`${gateway.url}/ready`);
    while (ready.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ready = await fetch(`${gateway.url}/ready`);
    }
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { ready: true, degraded: "rate_limit_store_unreachable" },
    ]);
    const caller = await as({ sub: "user-no-redis", customer_guid: GUID });
    expect((await mint(gateway, READ(GUID), caller)).body.errors).toBeUndefined();
    const refused = await mint(gateway, READ(GUID), caller);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    const logs = gateway.logs.join("");
    expect(logs).toContain("rate-limit store unreachable");
    expect(logs).not.toContain(password);
  });
});
