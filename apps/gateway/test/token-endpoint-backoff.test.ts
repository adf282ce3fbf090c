import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerSettings } from "./support/broker-upstream.js";
import {
  callerToken,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./support/caller-tokens.js";
import { GUID, mint, startGateway } from "./support/gateway.js";

let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let upstream: FaultServer;
let refuse = true;
const tokenRequests = () => upstream.requests.filter((r) => r.url === "/oauth/token").length;

beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
  upstream = await startFaultServer((request, response) => {
    if (request.url === "/oauth/token") {
      if (refuse) return sendJson(response, 401, { error: "invalid_client" });
      return sendJson(response, 200, {
        access_token: "bank-token-after-backoff",
        token_type: "Bearer",
        expires_in: 3600,
      });
    }
    sendJson(response, 201, { access_token: "a.b.c" });
  });
});
afterAll(async () => {
  await jwks.close();
  await upstream.close();
});

describe("a token endpoint that refuses the client", () => {
  it("is asked again only after a backoff, not once per mint, and minting resumes once it answers", async () => {
    const gateway = await startGateway(upstream.url, {
      ...brokerSettings(upstream.url, `${jwks.url}/jwks.json`),
      // Every mint must reach the bank-token step.
      RATE_LIMIT_MINTS_PER_MINUTE: "0",
    });
    const authorization = `Bearer ${await callerToken(key, { customer_guid: GUID })}`;
    const input = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };
    const codes = new Set<unknown>();
    const started = Date.now();
    // 100 mints in 10 waves over about a second.
    for (let wave = 0; wave < 10; wave += 1) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => mint(gateway, input, { authorization })),
      );
      for (const { body } of answers) codes.add(body.errors?.[0]?.extensions?.code);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect([...codes]).toEqual(["UPSTREAM_UNAVAILABLE"]);
    // At start, then after 1 s (then 2 s, 4 s, … up to 30 s).
    const elapsed = Date.now() - started;
    expect(tokenRequests()).toBeLessThanOrEqual(elapsed < 3_000 ? 2 : 3);

    refuse = false;
    const deadline = Date.now() + 8_000;
    let body = (await mint(gateway, input, { authorization })).body;
    while (body.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      body = (await mint(gateway, input, { authorization })).body;
    }
    expect(body.errors).toBeUndefined();
    await gateway.stop();
  });
});
