import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretRegistry } from "../src/core/secrets.js";
import { createLogger } from "../src/ops/logger.js";
import { brokerSettings } from "./support/broker-upstream.js";
import {
  callerToken,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./support/caller-tokens.js";
import { GUID, mint, startGateway } from "./support/gateway.js";
import { captureLogs } from "./support/logs.js";

/** A secret with the characters JSON and URLs escape. */
const CLIENT_SECRET = 'cl1ent"se\\cret/+9z';
const BANK_TOKEN = "bank-token-echoed-4b7e1d";

const base64At = (secret: string, offset: number) =>
  Buffer.from(`${"x".repeat(offset)}${secret}`).toString("base64");
const halves = (secret: string) => [
  secret.slice(0, secret.length / 2),
  secret.slice(secret.length / 2),
];

/** Every way a secret can be dressed up in free text: encoded, escaped, split. */
function disguises(secret: string): string {
  return [
    secret,
    JSON.stringify(secret),
    encodeURIComponent(secret),
    base64At(secret, 0),
    base64At(secret, 1),
    base64At(secret, 2),
    Buffer.from(secret).toString("base64url"),
    halves(secret).join(" … "),
  ].join(" | ");
}

/** What must never be in a log line for `secret`: each form the upstream's text carried, as written or JSON-escaped. */
function traces(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    base64At(secret, 0),
    Buffer.from(secret).toString("base64url"),
    ...halves(secret),
  ];
  return forms.flatMap((form) => [form, JSON.stringify(form).slice(1, -1)]);
}

describe("the logger's scrubbing", () => {
  it("scrubs a registered secret in every encoded form, before serialization, and keeps the line valid JSON", () => {
    const secrets = new SecretRegistry();
    secrets.add(CLIENT_SECRET);
    const { sink, lines } = captureLogs();
    const log = createLogger("info", sink, secrets);
    for (const offset of [0, 1, 2]) {
      log.info({ detail: `Basic ${base64At(CLIENT_SECRET, offset)}` }, "encoded");
    }
    log.info({ query: `?secret=${encodeURIComponent(CLIENT_SECRET)}` }, "url-encoded");
    log.info({ nested: { list: [CLIENT_SECRET] } }, `raw ${CLIENT_SECRET}`);
    log.info({ err: new Error(`failed with ${CLIENT_SECRET}`) }, "error");
    const output = lines.join("");
    for (const trace of [
      CLIENT_SECRET,
      JSON.stringify(CLIENT_SECRET).slice(1, -1),
      encodeURIComponent(CLIENT_SECRET),
      Buffer.from(CLIENT_SECRET).toString("base64").slice(0, 20),
    ]) {
      expect(output).not.toContain(trace);
    }
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(output.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(7);
  });
});

describe("secrets in broker mode's logs", () => {
  let key: SigningKey;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let upstream: FaultServer;
  let tokenEndpointRefuses = true;
  beforeAll(async () => {
    key = await newSigningKey("key-1");
    jwks = await startJwksServer([key]);
    upstream = await startFaultServer((request, response) => {
      if (request.url === "/oauth/token") {
        if (tokenEndpointRefuses) {
          // A token endpoint that echoes the client secret in its free text.
          return sendJson(response, 401, {
            error: `bad client ${disguises(CLIENT_SECRET)}`,
            error_description: disguises(CLIENT_SECRET),
          });
        }
        return sendJson(response, 200, {
          access_token: BANK_TOKEN,
          token_type: "Bearer",
          expires_in: 3600,
        });
      }
      // An upstream that echoes the bank token in its error message.
      sendJson(response, 422, {
        status: 422,
        error_message: `no customer for ${disguises(BANK_TOKEN)}`,
        message_code: "no_customer",
      });
    });
  });
  afterAll(async () => {
    await jwks.close();
    await upstream.close();
  });

  it("never logs the client secret or the bank token in any form the upstream's free text dressed them in", async () => {
    const gateway = await startGateway(upstream.url, {
      ...brokerSettings(upstream.url, `${jwks.url}/jwks.json`),
      IDP_CLIENT_SECRET: CLIENT_SECRET,
    });
    const token = { authorization: `Bearer ${await callerToken(key, { customer_guid: GUID })}` };
    const refused = await mint(gateway, { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] }, token);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    tokenEndpointRefuses = false;
    // The refusal is remembered for a backoff; the bank token comes after it.
    const deadline = Date.now() + 5_000;
    while ((await fetch(`${gateway.url}/ready`)).status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const echoed = await mint(gateway, { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] }, token);
    expect(echoed.body.errors?.[0]?.extensions?.code).toBe("CUSTOMER_NOT_FOUND");
    await gateway.stop();

    const output = gateway.logs.join("");
    expect(output).toContain("upstream call failed");
    expect(output).toContain('"status":401');
    for (const trace of [...traces(CLIENT_SECRET), ...traces(BANK_TOKEN)]) {
      expect(output).not.toContain(trace);
    }
    expect(JSON.stringify(echoed.body)).not.toContain(BANK_TOKEN.slice(0, 12));
  });

  it("sends a secret file's secret without the newlines that end the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tokengate-secret-"));
    const file = join(dir, "client-secret");
    writeFileSync(file, "file-secret-5c9d2e\n\n", { mode: 0o600 });
    const { IDP_CLIENT_SECRET: _inline, ...settings } = brokerSettings(
      upstream.url,
      `${jwks.url}/jwks.json`,
    );
    const before = upstream.requests.length;
    await startGateway(upstream.url, { ...settings, IDP_CLIENT_SECRET_FILE: file });
    const deadline = Date.now() + 2_000;
    while (upstream.requests.length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sent = upstream.requests.slice(before).find((request) => request.url === "/oauth/token");
    expect(JSON.parse(sent?.body ?? "{}").client_secret).toBe("file-secret-5c9d2e");
  });
});
