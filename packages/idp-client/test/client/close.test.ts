import { silence, startFaultServer } from "@tokengate/testkit";
import { describe, expect, it } from "vitest";
import { createIdpClient } from "../../src/index.js";
import { BANK_TOKEN, VALID_REQUEST } from "../support/fixtures.js";

describe("close", () => {
  it.each([
    ["the undici pool", undefined],
    ["a caller's fetch", (request: Request) => fetch(request)],
  ])(
    "with abortInFlight ends the calls still running on %s as aborted, at once",
    async (_name, fetchImpl) => {
      const upstream = await startFaultServer(silence);
      try {
        const idp = createIdpClient({
          baseUrl: upstream.url,
          token: BANK_TOKEN,
          timeoutMs: 30_000,
          ...(fetchImpl && { fetch: fetchImpl }),
        });
        const calls = Array.from({ length: 3 }, () => idp.createCustomerToken(VALID_REQUEST));
        while (upstream.requests.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
        const started = Date.now();
        await idp.close({ abortInFlight: true });
        const results = await Promise.all(calls);
        expect(results.map((result) => result.error?.kind)).toEqual([
          "aborted",
          "aborted",
          "aborted",
        ]);
        expect(Date.now() - started).toBeLessThan(1_000);
        expect((await idp.createCustomerToken(VALID_REQUEST)).error?.kind).toBe("network");
      } finally {
        await upstream.close();
      }
    },
  );
});
