import { describe, expect, it } from "vitest";
import { brokerSettings, useBrokerFixture } from "./support/broker-upstream.js";
import { callerToken } from "./support/caller-tokens.js";
import { GUID, mint, startGateway, startGatewayOverPrism } from "./support/gateway.js";

const broker = useBrokerFixture();

describe("customerGuid's alphabet", () => {
  it.each([
    ["a NUL", `${"a".repeat(31)}\u0000`],
    ["CR LF", `${"a".repeat(30)}\r\n`],
    ["a path", `../../${"a".repeat(26)}`],
    ["an RTL override", `\u202e${"a".repeat(31)}`],
    ["an emoji", `${"a".repeat(30)}😀`],
    ["a non-hex letter", `${"a".repeat(31)}g`],
  ])("refuses %s with BAD_USER_INPUT naming the field, and sends nothing", async (_name, guid) => {
    const gateway = await startGatewayOverPrism();
    const { body } = await mint(gateway, { customerGuid: guid, scopes: ["CUSTOMERS_READ"] });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toContain("input.customerGuid must be");
    expect(gateway.sent).toHaveLength(0);
  });

  it("accepts upper-case hex, and the per-customer limit counts both cases as one customer", async () => {
    const gateway = await startGateway(broker.upstream.url, {
      ...brokerSettings(broker.upstream.url, `${broker.jwks.url}/jwks.json`),
      RATE_LIMIT_MINTS_PER_MINUTE: "5",
    });
    const spellings = [
      GUID,
      GUID.toUpperCase(),
      `${GUID.slice(0, 16).toUpperCase()}${GUID.slice(16)}`,
    ];
    const codes: string[] = [];
    // Three admin callers, each under its own limit, vary the guid's case.
    for (let i = 0; i < 15; i += 1) {
      const token = await callerToken(broker.key, {
        sub: `admin-${i % 3}`,
        scope: "tokengate:admin",
      });
      const { body } = await mint(
        gateway,
        { customerGuid: spellings[i % 3], scopes: ["CUSTOMERS_READ"] },
        { authorization: `Bearer ${token}` },
      );
      codes.push(String(body.errors?.[0]?.extensions?.code ?? "ok"));
    }
    expect(codes.filter((code) => code === "ok")).toHaveLength(5);
    expect(codes.slice(5).every((code) => code === "RATE_LIMITED")).toBe(true);
  });

  it("lets a caller mint for its own customer whatever the case of the guid it sends", async () => {
    const gateway = await startGateway(broker.upstream.url, {
      ...brokerSettings(broker.upstream.url, `${broker.jwks.url}/jwks.json`),
    });
    const token = await callerToken(broker.key, { sub: "own", customer_guid: GUID });
    const { body } = await mint(
      gateway,
      { customerGuid: GUID.toUpperCase(), scopes: ["CUSTOMERS_READ"] },
      { authorization: `Bearer ${token}` },
    );
    expect(body.errors).toBeUndefined();
  });
});
