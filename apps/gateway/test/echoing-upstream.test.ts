import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUDIENCE,
  callerToken,
  ISSUER,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./support/caller-tokens.js";
import { mint } from "./support/gateway.js";
import { runGateway } from "./support/process.js";

const PASSTHROUGH_BANK_TOKEN = "passthrough-bank-token-4f9e2a61c0";
const CLIENT_SECRET = "client-secret-echo-83b1d07a55";
const BROKER_BANK_TOKEN = "broker-bank-token-e2c94d1b7f";
const STATUSES = [401, 403, 422, 500, 503];
const guidFor = (status: number) => String(status).padEnd(32, "0");

let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let upstream: FaultServer;
/** When set, the token endpoint refuses the grant and quotes the client secret in `error`. */
let tokenEndpointEchoes = false;

beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
  // A hostile upstream: every error text quotes the request's headers and body.
  upstream = await startFaultServer((request, response, body) => {
    const echo = `could not validate ${JSON.stringify(request.headers)} ${body}`;
    if (request.url === "/oauth/token") {
      if (tokenEndpointEchoes) sendJson(response, 401, { error: `invalid_client ${body}` });
      else
        sendJson(response, 200, {
          access_token: BROKER_BANK_TOKEN,
          token_type: "Bearer",
          expires_in: 3600,
        });
      return;
    }
    const status = Number(String(JSON.parse(body).customer_guid).slice(0, 3));
    sendJson(response, status, { status, error_message: echo, message_code: "echoed" });
  });
});
afterAll(async () => {
  await upstream.close();
  await jwks.close();
});

/** Broker mode over the echoing upstream, with an admin scope so every status is reached. */
function brokerEnv(): Record<string, string> {
  return {
    IDP_BASE_URL: upstream.url,
    IDP_CLIENT_ID: "bank-client",
    IDP_CLIENT_SECRET: CLIENT_SECRET,
    AUTH_JWKS_URL: `${jwks.url}/jwks.json`,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_ADMIN_SCOPE: "tokengate:admin",
    LOG_LEVEL: "debug",
    // The test's own mint document; trusted-documents.test.ts covers `required`.
    TRUSTED_DOCUMENTS: "off",
  };
}

async function mintEveryStatus(url: string, authorization: string) {
  return Promise.all(
    STATUSES.map(async (status) => {
      const { body } = await mint(
        { url },
        { customerGuid: guidFor(status), scopes: ["CUSTOMERS_READ"] },
        { authorization },
      );
      return JSON.stringify(body);
    }),
  );
}

describe("an upstream that echoes the request into its errors", () => {
  it("passthrough: the caller's messages are stripped of credentials and bounded; no log line holds the bank token", async () => {
    const gateway = await runGateway({ IDP_BASE_URL: upstream.url, LOG_LEVEL: "debug" }).ready;
    const answers = await mintEveryStatus(gateway.url, `Bearer ${PASSTHROUGH_BANK_TOKEN}`);
    gateway.child.kill("SIGTERM");
    await gateway.exit;
    for (const answer of answers) {
      expect(answer).not.toContain(PASSTHROUGH_BANK_TOKEN);
      const message = JSON.parse(answer).errors[0].message as string;
      expect(message.length).toBeLessThanOrEqual(300);
    }
    // The failure is logged by status and code; the upstream's free text never is.
    expect(gateway.output()).toContain('"msg":"upstream call failed"');
    expect(gateway.output()).not.toContain("could not validate");
    expect(gateway.output()).not.toContain(PASSTHROUGH_BANK_TOKEN);
  });

  it("broker: no upstream text reaches the caller, and neither the bank token, the client secret nor the caller's JWT reaches a log line", async () => {
    tokenEndpointEchoes = false;
    const gateway = await runGateway(brokerEnv()).ready;
    const jwt = await callerToken(key, { sub: "ops", scope: "tokengate:admin" });
    const answers = await mintEveryStatus(gateway.url, `Bearer ${jwt}`);
    gateway.child.kill("SIGTERM");
    await gateway.exit;
    expect(answers).toHaveLength(STATUSES.length);
    for (const answer of answers) {
      expect(answer).toContain('"code":');
      expect(answer).not.toContain("could not validate");
      for (const secret of [BROKER_BANK_TOKEN, CLIENT_SECRET, jwt])
        expect(answer).not.toContain(secret);
    }
    const output = gateway.output();
    expect(output).toContain('"msg":"upstream call failed"');
    expect(output).not.toContain("could not validate");
    for (const secret of [BROKER_BANK_TOKEN, CLIENT_SECRET, jwt])
      expect(output).not.toContain(secret);
  });

  it("broker: a token endpoint that quotes the client secret in its OAuth error leaves it in no log line", async () => {
    tokenEndpointEchoes = true;
    try {
      const gateway = await runGateway(brokerEnv()).ready;
      const jwt = await callerToken(key, { sub: "ops", scope: "tokengate:admin" });
      const [answer] = await mintEveryStatus(gateway.url, `Bearer ${jwt}`);
      gateway.child.kill("SIGTERM");
      await gateway.exit;
      expect(answer).toContain("UPSTREAM_UNAVAILABLE");
      expect(answer).not.toContain(CLIENT_SECRET);
      // The status is logged; an `error` that is not a standard OAuth code is free text, never logged.
      expect(gateway.output()).toMatch(/refused client \S+ \(401\)/);
      expect(gateway.output()).not.toContain(CLIENT_SECRET);
    } finally {
      tokenEndpointEchoes = false;
    }
  });
});
