import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
import { GUID, mint } from "./support/gateway.js";
import { runGateway } from "./support/process.js";

const CLIENT_SECRET = "process-client-secret-7a6b";
const MINTED = "minted.customer.process-token";
let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let upstream: FaultServer;

beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
  // A local token endpoint and mint endpoint: the two calls broker mode makes.
  upstream = await startFaultServer((request, response) => {
    if (request.url === "/oauth/token") {
      sendJson(response, 200, { access_token: "bank-7", token_type: "Bearer", expires_in: 3600 });
    } else sendJson(response, 201, { access_token: MINTED });
  });
});
afterAll(async () => {
  await jwks.close();
  await upstream.close();
});

describe("broker mode as deployed (the built process)", () => {
  it("verifies the caller, mints with its own bank token, refuses another customer, and logs no secret", async () => {
    const { ready } = runGateway({
      IDP_BASE_URL: upstream.url,
      IDP_CLIENT_ID: "bank-client",
      IDP_CLIENT_SECRET: CLIENT_SECRET,
      AUTH_JWKS_URL: `${jwks.url}/jwks.json`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      LOG_LEVEL: "debug",
      // The test's own mint document; trusted-documents.test.ts covers `required`.
      TRUSTED_DOCUMENTS: "off",
    });
    const gateway = await ready;
    expect(gateway.output()).toMatch(/"mode":"broker"/);
    const token = await callerToken(key, { sub: "user-1", customer_guid: GUID });
    const authorization = { authorization: `Bearer ${token}` };

    const own = await mint(
      gateway,
      { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] },
      authorization,
    );
    expect(own.body.data?.createCustomerToken?.accessToken).toBe(MINTED);

    const other = await mint(
      gateway,
      { customerGuid: "0123456789abcdef0123456789abcdef", scopes: ["CUSTOMERS_READ"] },
      authorization,
    );
    expect(other.body.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      reason: "customer_mismatch",
    });

    const calls = upstream.requests.map((request) => [request.url, request.headers.authorization]);
    expect(calls).toEqual([
      ["/oauth/token", undefined],
      ["/api/customer_tokens", "Bearer bank-7"],
    ]);
    expect(upstream.requests[0]?.body).toContain("bank-client");
    gateway.child.kill("SIGTERM");
    expect(await gateway.exit).toBe(0);
    for (const secret of [CLIENT_SECRET, "bank-7", MINTED, token]) {
      expect(gateway.output()).not.toContain(secret);
    }
  });

  it("logs a warning at start naming a world-readable IDP_CLIENT_SECRET_FILE and its mode, never the secret", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tokengate-broker-")), "client-secret");
    writeFileSync(file, `${CLIENT_SECRET}\n`);
    chmodSync(file, 0o644);
    const gateway = await runGateway({
      IDP_BASE_URL: upstream.url,
      IDP_CLIENT_ID: "bank-client",
      IDP_CLIENT_SECRET_FILE: file,
      AUTH_JWKS_URL: `${jwks.url}/jwks.json`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
    }).ready;
    const warning = gateway
      .output()
      .split("\n")
      .find((line) => line.includes("IDP_CLIENT_SECRET_FILE names a file"));
    expect(JSON.parse(warning ?? "{}")).toMatchObject({
      level: 40,
      msg: expect.stringContaining("every user of this machine can read (mode 0644)"),
    });
    expect(gateway.output()).not.toContain(CLIENT_SECRET);
    expect(gateway.output()).not.toContain(file);
  });
});
