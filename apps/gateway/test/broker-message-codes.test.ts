import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BANK_TOKEN_VALUE, brokerSettings } from "./support/broker-upstream.js";
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
let gateway: TestGateway;
let answer: { status: number; messageCode: string } = { status: 422, messageCode: "no_customer" };

beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
  upstream = await startFaultServer((request, response) => {
    if (request.url === "/oauth/token") {
      return sendJson(response, 200, {
        access_token: BANK_TOKEN_VALUE,
        token_type: "Bearer",
        expires_in: 3600,
      });
    }
    sendJson(response, answer.status, {
      status: answer.status,
      error_message: "refused",
      message_code: answer.messageCode,
    });
  });
  gateway = await startGateway(upstream.url, brokerSettings(upstream.url, `${jwks.url}/jwks.json`));
});
afterAll(async () => {
  await jwks.close();
  await upstream.close();
});

describe("the upstream's message code for a broker-mode caller", () => {
  it.each([
    ["a documented code of the status", 422, "no_customer", "no_customer"],
    ["the bank token as a 422's code", 422, BANK_TOKEN_VALUE, null],
    ["the bank token as a 401's code", 401, BANK_TOKEN_VALUE, null],
    ["a 403's code documented only for 401", 403, "invalid_subject", null],
    ["an undocumented 500's code", 500, "bank-token-9f8e", null],
    ["an undocumented status's code", 418, "teapot", null],
  ] as const)(
    "passes on the message code only when the spec documents it: %s (%i)",
    async (_name, status, messageCode, passedOn) => {
      answer = { status, messageCode };
      const token = await callerToken(key, { customer_guid: GUID });
      const { body } = await mint(
        gateway,
        { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] },
        { authorization: `Bearer ${token}` },
      );
      expect(body.errors?.[0]?.extensions?.upstream).toEqual({ status, messageCode: passedOn });
      expect(JSON.stringify(body)).not.toContain(BANK_TOKEN_VALUE);
    },
  );
});
