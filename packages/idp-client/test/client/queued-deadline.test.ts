import { startFaultServer } from "@tokengate/testkit";
import { describe, expect, it } from "vitest";
import { MIN_SEND_SHARE } from "../../src/deadline.js";
import { createIdpClient } from "../../src/index.js";
import { BANK_TOKEN, VALID_REQUEST } from "../support/fixtures.js";

const TIMEOUT_MS = 1_000;
const CALLS = 30;

describe("mints queued for a socket of a silent upstream", () => {
  it("are sent only while enough of their time is left to be answered", async () => {
    // How old each call was when it reached the upstream, which never answers.
    const ages: number[] = [];
    const upstream = await startFaultServer((request) => {
      ages.push(Date.now() - Number(request.headers["x-started-at"]));
      return new Promise(() => undefined);
    });
    const idp = createIdpClient({
      baseUrl: upstream.url,
      token: BANK_TOKEN,
      timeoutMs: TIMEOUT_MS,
      connections: 2,
      retry: false,
    });
    try {
      // A steady stream of mints, so that the queue always holds some near their deadline.
      const calls = [];
      for (let i = 0; i < CALLS; i++) {
        calls.push(
          idp.createCustomerToken(VALID_REQUEST, {
            headers: { "x-started-at": String(Date.now()) },
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const results = await Promise.all(calls);
      expect(results.map(({ error }) => error?.kind)).toEqual(Array(CALLS).fill("timeout"));
      // The first two, and those that reached a socket in time, were sent…
      expect(ages.length).toBeGreaterThanOrEqual(4);
      // …and none with less than its minimum share of the time left (give
      // or take the few milliseconds from the client's check to the upstream).
      const latest = TIMEOUT_MS * (1 - MIN_SEND_SHARE) + 50;
      expect(ages.filter((age) => age > latest)).toEqual([]);
    } finally {
      await idp.close({ abortInFlight: true });
      await upstream.close();
    }
  });
});
