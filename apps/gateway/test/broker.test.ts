import { createHmac } from "node:crypto";
import type { ServerResponse } from "node:http";
import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUDIENCE,
  callerToken,
  ISSUER,
  newSigningKey,
  type SigningKey,
  startJwksServer,
  tokenParts,
  unsignedToken,
} from "./support/caller-tokens.js";
import {
  GUID,
  mint,
  type SentRequest,
  startGateway,
  startRecordingPrism,
} from "./support/gateway.js";

const OTHER_GUID = "0123456789abcdef0123456789abcdef";
const CLIENT_SECRET = "broker-client-secret-5e4d3c";
const ADMIN_SCOPE = "tokengate:admin";
const READ = { customerGuid: GUID, scopes: ["CUSTOMERS_READ", "ACCOUNTS_READ"] };

let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;

/** The settings that turn broker mode on, with the test JWKS. */
function brokerEnv(): Record<string, string> {
  return {
    IDP_CLIENT_ID: "bank-client",
    IDP_CLIENT_SECRET: CLIENT_SECRET,
    AUTH_JWKS_URL: `${jwks.url}/jwks.json`,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_ADMIN_SCOPE: ADMIN_SCOPE,
    AUTH_JWKS_COOLDOWN_MS: "0",
    // These tests send documents of their own (aliases, odd variables);
    // trusted-documents.test.ts proves broker mode's default, `required`.
    TRUSTED_DOCUMENTS: "off",
  };
}

/** A broker-mode gateway, built as deployed, over a recording Prism. */
async function brokerGatewayOverPrism() {
  const upstream = await startRecordingPrism();
  const gateway = await startGateway(upstream.url, brokerEnv());
  // The bank token is fetched at start (readiness); mints are what a refusal must not send.
  const sent = {
    get mints() {
      return upstream.sent.filter((request) => request.url === "/api/customer_tokens");
    },
    find: (match: (request: SentRequest) => boolean) => upstream.sent.find(match),
  };
  return { gateway, sent, logs: gateway.logs };
}

beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
});
afterAll(() => jwks.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("broker mode against the Prism mock", () => {
  it("mints for the caller's own customer with the gateway's bank token, never the caller's", async () => {
    const { gateway, sent } = await brokerGatewayOverPrism();
    const token = await callerToken(key, { sub: "user-1", customer_guid: GUID });
    const { body } = await mint(gateway, READ, bearer(token));
    expect(body.errors).toBeUndefined();
    expect(body.data?.createCustomerToken?.customerGuid).toBe(GUID);
    const mintCall = sent.find((request) => request.url.endsWith("/api/customer_tokens"));
    expect(mintCall?.headers.get("authorization")).toMatch(/^Bearer eyJ/);
    expect(mintCall?.headers.get("authorization")).not.toContain(token);
  });

  it("lets an admin caller mint for any customer", async () => {
    const { gateway } = await brokerGatewayOverPrism();
    const token = await callerToken(key, { sub: "ops", scope: `profile ${ADMIN_SCOPE}` });
    const { body } = await mint(gateway, { ...READ, customerGuid: OTHER_GUID }, bearer(token));
    expect(body.errors).toBeUndefined();
    expect(body.data?.createCustomerToken?.customerGuid).toBe(OTHER_GUID);
  });

  it("picks up a rotated signing key from the JWKS", async () => {
    const { gateway } = await brokerGatewayOverPrism();
    const first = await mint(
      gateway,
      READ,
      bearer(await callerToken(key, { customer_guid: GUID })),
    );
    expect(first.body.errors).toBeUndefined();
    const rotated = await newSigningKey("key-2");
    jwks.publish([rotated]);
    try {
      const { body } = await mint(
        gateway,
        READ,
        bearer(await callerToken(rotated, { customer_guid: GUID })),
      );
      expect(body.errors).toBeUndefined();
    } finally {
      jwks.publish([key]);
    }
  });

  const attacks: [string, () => Promise<Record<string, string>>, unknown, string, string][] = [
    [
      "another customer's guid",
      async () => bearer(await callerToken(key, { customer_guid: GUID })),
      { ...READ, customerGuid: OTHER_GUID },
      "FORBIDDEN",
      "customer_mismatch",
    ],
    [
      "a scope outside ALLOWED_SCOPES",
      async () => bearer(await callerToken(key, { customer_guid: GUID })),
      { ...READ, scopes: ["CUSTOMERS_READ", "TRADES_EXECUTE"] },
      "FORBIDDEN",
      "scope_not_allowed",
    ],
    [
      "a PII scope (not in the read-only default)",
      async () => bearer(await callerToken(key, { customer_guid: GUID })),
      { ...READ, scopes: ["CUSTOMERS_PII_READ"] },
      "FORBIDDEN",
      "scope_not_allowed",
    ],
    [
      "no customer claim",
      async () => bearer(await callerToken(key, { sub: "user-1" })),
      READ,
      "FORBIDDEN",
      "no_customer_claim",
    ],
    [
      "an expired token",
      async () =>
        bearer(
          await callerToken(
            key,
            { customer_guid: GUID },
            { expiresIn: Math.floor(Date.now() / 1000) - 60 },
          ),
        ),
      READ,
      "UNAUTHENTICATED",
      "token_expired",
    ],
    [
      "a not-yet-valid token",
      async () =>
        bearer(
          await callerToken(
            key,
            { customer_guid: GUID },
            { notBefore: Math.floor(Date.now() / 1000) + 600 },
          ),
        ),
      READ,
      "UNAUTHENTICATED",
      "token_not_yet_valid",
    ],
    [
      "a wrong issuer",
      async () =>
        bearer(await callerToken(key, { customer_guid: GUID }, { issuer: "https://evil.test/" })),
      READ,
      "UNAUTHENTICATED",
      "wrong_issuer",
    ],
    [
      "a wrong audience",
      async () =>
        bearer(await callerToken(key, { customer_guid: GUID }, { audience: "someone-else" })),
      READ,
      "UNAUTHENTICATED",
      "wrong_audience",
    ],
    [
      "an unsigned token (alg: none)",
      async () => bearer(unsignedToken({ customer_guid: GUID })),
      READ,
      "UNAUTHENTICATED",
      "algorithm_not_allowed",
    ],
    [
      "a token signed by an unknown key",
      async () => bearer(await callerToken(await newSigningKey("key-1"), { customer_guid: GUID })),
      READ,
      "UNAUTHENTICATED",
      "bad_signature",
    ],
    [
      "a token with an unknown key id",
      async () => bearer(await callerToken(await newSigningKey("key-9"), { customer_guid: GUID })),
      READ,
      "UNAUTHENTICATED",
      "unknown_key",
    ],
    [
      "HS256 signed with the public key (algorithm confusion)",
      async () => {
        const unsigned = tokenParts({ alg: "HS256", kid: key.kid }, { customer_guid: GUID });
        const signature = createHmac("sha256", JSON.stringify(key.publicJwk))
          .update(unsigned)
          .digest("base64url");
        return bearer(`${unsigned}.${signature}`);
      },
      READ,
      "UNAUTHENTICATED",
      "algorithm_not_allowed",
    ],
    [
      "a malformed token",
      async () => bearer("not.a.jwt"),
      READ,
      "UNAUTHENTICATED",
      "malformed_token",
    ],
  ];

  it.each(attacks)(
    "refuses %s with %s (nothing sent upstream)",
    async (_name, headers, input, code, reason) => {
      const { gateway, sent } = await brokerGatewayOverPrism();
      const { body } = await mint(gateway, input, await headers());
      expect(body.errors?.[0]?.extensions).toMatchObject({ code, reason });
      expect(sent.mints).toHaveLength(0);
    },
  );

  it("reports an unreachable JWKS as AUTH_UNAVAILABLE, not as the caller's fault", async () => {
    const token = await callerToken(key, { customer_guid: GUID });
    jwks.setHandler((_request, response) => {
      response.writeHead(503);
      response.end();
    });
    try {
      const fresh = await brokerGatewayOverPrism();
      const { body } = await mint(fresh.gateway, READ, bearer(token));
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: "AUTH_UNAVAILABLE",
        reason: "keys_unavailable",
      });
      expect(fresh.sent.mints).toHaveLength(0);
    } finally {
      jwks.publish([key]);
    }
  });

  it("refuses a missing token with UNAUTHENTICATED (nothing sent upstream)", async () => {
    const { gateway, sent } = await brokerGatewayOverPrism();
    const { body } = await mint(gateway, READ, {});
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(sent.mints).toHaveLength(0);
  });
});

describe("broker mode's bank token", () => {
  let upstream: FaultServer;
  let tokenRequests = 0;
  let refusedBankTokens = new Set<string>();
  beforeAll(async () => {
    upstream = await startFaultServer((request, response) => {
      response.setHeader("content-type", "application/json");
      if (request.url === "/oauth/token") {
        tokenRequests += 1;
        response.end(
          JSON.stringify({
            access_token: `bank-${tokenRequests}`,
            token_type: "Bearer",
            expires_in: 3600,
          }),
        );
        return;
      }
      const bankToken = String(request.headers.authorization).replace("Bearer ", "");
      if (refusedBankTokens.has(bankToken)) {
        response.statusCode = 401;
        response.end(
          JSON.stringify({
            status: 401,
            error_message: "Signature has expired",
            message_code: "authentication_failed",
          }),
        );
        return;
      }
      response.statusCode = 201;
      response.end(JSON.stringify({ access_token: "minted.customer.token-secret-sig" }));
    });
  });
  afterAll(() => upstream.close());

  it("reports the upstream refusing the gateway's own credentials as UPSTREAM_UNAVAILABLE, without detail", async () => {
    tokenRequests = 0;
    refusedBankTokens = new Set(["bank-1", "bank-2"]);
    const gateway = await startGateway(upstream.url, brokerEnv());
    const { body } = await mint(
      gateway,
      READ,
      bearer(await callerToken(key, { customer_guid: GUID })),
    );
    expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(body.errors?.[0]?.message).toBe("The upstream refused the gateway's credentials");
    expect(tokenRequests).toBe(2);
  });

  it("is fetched once for many mints, refreshed once after an upstream 401, and never logged", async () => {
    tokenRequests = 0;
    refusedBankTokens = new Set();
    const gateway = await startGateway(upstream.url, brokerEnv());
    const { logs } = gateway;
    const token = await callerToken(key, { customer_guid: GUID });
    const first = await Promise.all(
      Array.from({ length: 10 }, () => mint(gateway, READ, bearer(token))),
    );
    expect(
      first.every(
        ({ body }) =>
          body.data?.createCustomerToken?.accessToken === "minted.customer.token-secret-sig",
      ),
    ).toBe(true);
    expect(tokenRequests).toBe(1);

    refusedBankTokens.add("bank-1");
    const after = await mint(gateway, READ, bearer(token));
    expect(after.body.errors).toBeUndefined();
    expect(tokenRequests).toBe(2);
    const mints = upstream.requests.filter((request) => request.url === "/api/customer_tokens");
    expect(mints.slice(-2).map((request) => request.headers.authorization)).toEqual([
      "Bearer bank-1",
      "Bearer bank-2",
    ]);

    const output = logs.join("");
    for (const secret of [
      CLIENT_SECRET,
      "bank-1",
      "bank-2",
      "minted.customer.token-secret-sig",
      token,
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});

describe("broker mode's key endpoint", () => {
  it.each([
    ["answers 500", (response: ServerResponse) => response.writeHead(500).end()],
    [
      "answers 5 MB of junk",
      (response: ServerResponse) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(`{"keys":"${"x".repeat(5 * 1024 * 1024)}"}`);
      },
    ],
  ])("that %s is fetched once per cooldown, not per request, and logged", async (_name, fault) => {
    const failing = await startFaultServer((_request, response) => fault(response));
    try {
      const upstream = await startRecordingPrism();
      const gateway = await startGateway(upstream.url, {
        ...brokerEnv(),
        AUTH_JWKS_URL: `${failing.url}/jwks.json`,
        AUTH_JWKS_COOLDOWN_MS: "60000",
      });
      const token = bearer(await callerToken(key, { customer_guid: GUID }));
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => mint(gateway, READ, token)),
      );
      for (const { body } of answers) {
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: "AUTH_UNAVAILABLE" });
      }
      expect(failing.requests.length).toBeLessThanOrEqual(1);
      expect(gateway.logs.join("")).toContain("the JWKS could not be fetched");
    } finally {
      await failing.close();
    }
  });

  it("keeps verifying known keys from the last good key set while a refetch for an unknown key fails", async () => {
    const upstream = await startRecordingPrism();
    const gateway = await startGateway(upstream.url, {
      ...brokerEnv(),
      AUTH_JWKS_COOLDOWN_MS: "1500",
    });
    const known = bearer(await callerToken(key, { customer_guid: GUID }));
    expect((await mint(gateway, READ, known)).body.errors).toBeUndefined();
    // Past the cooldown an unknown key id makes the gateway refetch, and that refetch fails.
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    jwks.setHandler((_request, response) => response.writeHead(503).end());
    try {
      const stranger = await newSigningKey("key-not-yet-published");
      const unknown = await mint(
        gateway,
        READ,
        bearer(await callerToken(stranger, { customer_guid: GUID })),
      );
      expect(unknown.body.errors?.[0]?.extensions).toMatchObject({
        code: "AUTH_UNAVAILABLE",
        reason: "keys_unavailable",
      });
      for (let i = 0; i < 5; i += 1) {
        expect((await mint(gateway, READ, known)).body.errors).toBeUndefined();
      }
    } finally {
      jwks.publish([key]);
    }
  });

  it("refetches at most once per cooldown for tokens with unknown key ids", async () => {
    const upstream = await startRecordingPrism();
    const gateway = await startGateway(upstream.url, {
      ...brokerEnv(),
      AUTH_JWKS_COOLDOWN_MS: "60000",
    });
    const before = jwks.requests.length;
    const stranger = await newSigningKey("key-unknown");
    for (let i = 0; i < 10; i += 1) {
      const { body } = await mint(
        gateway,
        READ,
        bearer(await callerToken(stranger, { customer_guid: GUID })),
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: "UNAUTHENTICATED",
        reason: "unknown_key",
      });
    }
    expect(jwks.requests.length - before).toBeLessThanOrEqual(2);
  });
});

describe("broker mode's IP allowlist policy", () => {
  const PUBLIC_16 = "52.94.0.0/16";
  it.each([
    [
      "more entries than allowed",
      ["34.120.17.5", "34.120.17.6", "34.120.17.7", "34.120.17.8", "34.120.17.9"],
      "ip_allowlist_too_long",
    ],
    ["a range wider than /24", [PUBLIC_16], "ip_allowlist_too_wide"],
  ])("refuses a non-admin caller %s (nothing sent)", async (_name, ipAllowlist, reason) => {
    const { gateway, sent } = await brokerGatewayOverPrism();
    const token = bearer(await callerToken(key, { customer_guid: GUID }));
    const { body } = await mint(gateway, { ...READ, ipAllowlist }, token);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason });
    expect(sent.mints).toHaveLength(0);
  });

  it("lets a non-admin caller attach a few narrow ranges, and an admin wide ones", async () => {
    const { gateway, sent } = await brokerGatewayOverPrism();
    const narrow = await mint(
      gateway,
      { ...READ, ipAllowlist: ["34.120.17.5", "52.94.7.0/24"] },
      bearer(await callerToken(key, { customer_guid: GUID })),
    );
    expect(narrow.body.errors).toBeUndefined();
    const wide = await mint(
      gateway,
      { ...READ, ipAllowlist: [PUBLIC_16] },
      bearer(await callerToken(key, { sub: "ops", scope: ADMIN_SCOPE })),
    );
    expect(wide.body.errors).toBeUndefined();
    expect(sent.mints).toHaveLength(2);
  });
});

describe("broker mode's slow token endpoint", () => {
  it("is UPSTREAM_TIMEOUT every time, whichever clock runs out first", async () => {
    const silent = await startFaultServer(() => undefined);
    try {
      const gateway = await startGateway(silent.url, { ...brokerEnv(), IDP_TIMEOUT_MS: "300" });
      const token = bearer(await callerToken(key, { customer_guid: GUID }));
      const codes = new Set<unknown>();
      for (let i = 0; i < 4; i += 1) {
        const { body } = await mint(gateway, READ, token);
        codes.add(body.errors?.[0]?.extensions?.code);
      }
      expect([...codes]).toEqual(["UPSTREAM_TIMEOUT"]);
    } finally {
      await silent.close();
    }
  });
});

describe("broker mode's readiness", () => {
  it("is 503 no_bank_token until the first bank token arrives, then 200", async () => {
    let refuse = true;
    const tokenEndpoint = await startFaultServer((_request, response) => {
      if (refuse) return sendJson(response, 503, { error: "temporarily_unavailable" });
      sendJson(response, 200, {
        access_token: "bank-ready-1",
        token_type: "Bearer",
        expires_in: 3600,
      });
    });
    try {
      const gateway = await startGateway(tokenEndpoint.url, brokerEnv());
      const ready = () =>
        fetch(`${gateway.url}/ready`).then(async (r) => [r.status, await r.json()]);
      expect(await ready()).toEqual([503, { ready: false, reason: "no_bank_token" }]);
      refuse = false;
      // The first token is tried again every 2 s until it comes.
      const deadline = Date.now() + 5_000;
      let answer = await ready();
      while (answer[0] !== 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await ready();
      }
      expect(answer).toEqual([200, { ready: true }]);
    } finally {
      await tokenEndpoint.close();
    }
  });
});
