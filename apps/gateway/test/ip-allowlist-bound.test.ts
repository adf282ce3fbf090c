import { describe, expect, it } from "vitest";
import { GUID, mint, startGatewayOverPrism } from "./support/gateway.js";

/** About 61 KB of private addresses, as a probe sent: each one would fail the public-address check. */
const LONG_LIST = Array.from({ length: 4_000 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.1`);

describe("a long ipAllowlist", () => {
  it.each([
    ["65 public addresses", Array.from({ length: 65 }, (_, i) => `34.120.17.${i + 1}`)],
    ["4,000 private addresses (61 KB)", LONG_LIST],
  ])(
    "of %s is refused on its length alone, naming the field, with nothing sent",
    async (_name, ipAllowlist) => {
      const gateway = await startGatewayOverPrism();
      const { body } = await mint(gateway, {
        customerGuid: GUID,
        scopes: ["CUSTOMERS_READ"],
        ipAllowlist,
      });
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(body.errors?.[0]?.message).toBe(
        "Invalid input: input.ipAllowlist must have at most 64 items",
      );
      expect(gateway.sent).toHaveLength(0);
    },
  );

  it("of 64 public addresses is sent", async () => {
    const gateway = await startGatewayOverPrism();
    const ipAllowlist = Array.from({ length: 64 }, (_, i) => `34.120.17.${i + 1}`);
    const { body } = await mint(gateway, {
      customerGuid: GUID,
      scopes: ["CUSTOMERS_READ"],
      ipAllowlist,
    });
    expect(body.errors).toBeUndefined();
    expect(gateway.sent).toHaveLength(1);
  });
});
