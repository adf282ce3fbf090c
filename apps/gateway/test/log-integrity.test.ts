import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mint, startGateway } from "./support/gateway.js";

const SLOW_GUID = "51000000000000000000000000000000";
const FAILING_GUID = "fa110000000000000000000000000000";

let upstream: FaultServer;
beforeAll(async () => {
  upstream = await startFaultServer((_request, response, body) => {
    const guid = String(JSON.parse(body).customer_guid);
    if (guid === SLOW_GUID) {
      setTimeout(() => sendJson(response, 201, { access_token: "a.b.c" }), 600);
      return;
    }
    sendJson(response, 500, {
      status: 500,
      error_message: "upstream call failed",
      message_code: "internal",
    });
  });
});
afterAll(() => upstream.close());

describe("one passthrough caller's token and other callers' log lines", () => {
  it.each([
    ["a piece of JSON syntax", '"level":40,'],
    ["a field name", '"requestId":"'],
    ["the service name", "tokengate-gateway"],
  ])(
    "a bearer that is %s leaves other requests' lines intact and valid JSON",
    async (_name, bearer) => {
      const gateway = await startGateway(upstream.url);
      const input = (customerGuid: string) => ({ customerGuid, scopes: ["CUSTOMERS_READ"] });
      const hostile = mint(gateway, input(SLOW_GUID), { authorization: `Bearer ${bearer}` });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const others = await Promise.all(
        Array.from({ length: 5 }, () =>
          mint(gateway, input(FAILING_GUID), { authorization: "Bearer other-callers-token-1" }),
        ),
      );
      await hostile;
      expect(others.every(({ body }) => body.errors?.[0]?.extensions?.code)).toBe(true);
      const lines = gateway.logs.filter((line) => line.trim() !== "");
      const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const warnings = parsed.filter((line) => line.msg === "upstream call failed");
      expect(warnings).toHaveLength(5);
      for (const warning of warnings) {
        expect(warning).toMatchObject({ level: 40, service: "tokengate-gateway" });
        expect(JSON.stringify(warning)).not.toContain("[redacted]");
      }
    },
  );
});
