import { describe, expect, it } from "vitest";
import { brokerSettings, useBrokerFixture } from "./support/broker-upstream.js";
import { callerToken } from "./support/caller-tokens.js";
import { GUID, mint, startGateway } from "./support/gateway.js";

const fixture = useBrokerFixture();
const READ = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };

describe("AUTH_CLOCK_TOLERANCE_SECONDS", () => {
  it.each([
    ["refuses it by default (5 s)", {}, "token_expired"],
    ["accepts it within 120 s", { AUTH_CLOCK_TOLERANCE_SECONDS: "120" }, undefined],
  ])("for an app token that expired 60 s ago, %s", async (_name, env, reason) => {
    const { upstream, jwks, key } = fixture;
    const gateway = await startGateway(upstream.url, {
      ...brokerSettings(upstream.url, `${jwks.url}/jwks.json`),
      ...env,
    });
    const expired = await callerToken(
      key,
      { customer_guid: GUID },
      { expiresIn: Math.floor(Date.now() / 1000) - 60 },
    );
    const { body } = await mint(gateway, READ, { authorization: `Bearer ${expired}` });
    expect(body.errors?.[0]?.extensions?.reason).toBe(reason);
    expect(body.data?.createCustomerToken?.customerGuid).toBe(reason ? undefined : GUID);
    await gateway.stop();
  });
});
