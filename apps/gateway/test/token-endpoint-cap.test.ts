import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { type FaultServer, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerSettings } from "./support/broker-upstream.js";
import {
  callerToken,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./support/caller-tokens.js";
import { GUID, mint, startGateway } from "./support/gateway.js";

/** A token answer whose `access_token` is 2 MB: far over the 64 KiB every upstream answer is read up to. */
const HUGE_ANSWER = JSON.stringify({
  access_token: `huge.${"a".repeat(2 * 1024 * 1024)}.token`,
  token_type: "Bearer",
  expires_in: 3600,
});

const ANSWERS: Record<string, (response: ServerResponse) => void> = {
  "streamed without a length": (response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(HUGE_ANSWER);
  },
  "gzip-compressed to a few KB": (response) => {
    response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    response.end(gzipSync(HUGE_ANSWER));
  },
};

let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let upstream: FaultServer;
let answer: (response: ServerResponse) => void;
beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
  upstream = await startFaultServer((request, response) => {
    if (request.url === "/oauth/token") return answer(response);
    response.writeHead(201, { "content-type": "application/json" });
    response.end('{"access_token":"a.b.c"}');
  });
});
afterAll(async () => {
  await jwks.close();
  await upstream.close();
});

describe("the token endpoint's answer", () => {
  it.each([
    ["streamed without a length", {}],
    ["gzip-compressed to a few KB", {}],
    ["streamed without a length", { METRICS_PORT: "0" }],
    ["gzip-compressed to a few KB", { METRICS_PORT: "0" }],
  ] as const)(
    "is read up to 64 KiB when %s (settings %o): no bank token, nothing minted",
    async (name, extra) => {
      answer = ANSWERS[name] ?? (() => undefined);
      const mintsBefore = upstream.requests.filter((r) => r.url === "/api/customer_tokens").length;
      const gateway = await startGateway(upstream.url, {
        ...brokerSettings(upstream.url, `${jwks.url}/jwks.json`),
        ...extra,
      });
      const token = await callerToken(key, { customer_guid: GUID });
      const { body } = await mint(
        gateway,
        { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] },
        { authorization: `Bearer ${token}` },
      );
      expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
      const mints = upstream.requests.filter((r) => r.url === "/api/customer_tokens");
      expect(mints.length).toBe(mintsBefore);
      const ready = await fetch(`${gateway.url}/ready`);
      expect(ready.status).toBe(503);
      await gateway.stop();
    },
  );
});
