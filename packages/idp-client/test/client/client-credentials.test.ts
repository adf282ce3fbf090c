import { inspect } from "node:util";
import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { prismUrl } from "@tokengate/testkit/vitest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientCredentials, createIdpClient } from "../../src/index.js";
import { countingFetch } from "../support/counting-fetch.js";
import { VALID_REQUEST } from "../support/fixtures.js";

const SECRET = "s3cr3t-client-secret-9f8e7d";
const CLIENT_ID = "bank-client-1";

let upstream: FaultServer;
let tokenRequests: { body: Record<string, unknown> }[];
let mintAuthorizations: string[];
/** Token endpoint behaviour: the n-th request gets `tokens[n]` (last repeats), after `delayMs`. */
let tokens: { token: string; expiresIn: number }[];
let delayMs: number;
let tokenStatus: number;
/** Customer-token endpoint: 401 for these bank tokens, 201 otherwise. */
let refused: Set<string>;

beforeAll(async () => {
  upstream = await startFaultServer(async (request, response, body) => {
    if (request.url === "/oauth/token") {
      const index = Math.min(tokenRequests.length, tokens.length - 1);
      tokenRequests.push({ body: JSON.parse(body) });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (tokenStatus !== 200)
        return sendJson(response, tokenStatus, {
          error: "invalid_client",
          error_description: "unknown client",
        });
      const { token, expiresIn } = tokens[index] ?? { token: "none", expiresIn: 0 };
      return sendJson(response, 200, {
        access_token: token,
        token_type: "Bearer",
        expires_in: expiresIn,
        scope: "customers:read customers:write",
        created_at: 0,
      });
    }
    const authorization = String(request.headers.authorization);
    mintAuthorizations.push(authorization);
    if (refused.has(authorization.replace("Bearer ", ""))) {
      return sendJson(response, 401, {
        status: 401,
        error_message: "Signature has expired",
        message_code: "authentication_failed",
      });
    }
    return sendJson(response, 201, { access_token: "customer.token.jwt" });
  });
});
afterAll(() => upstream.close());
beforeEach(() => {
  tokenRequests = [];
  mintAuthorizations = [];
  tokens = [{ token: "bank-1", expiresIn: 3600 }];
  delayMs = 0;
  tokenStatus = 200;
  refused = new Set();
});

function provider(extra: { refreshMarginMs?: number } = {}) {
  return clientCredentials({
    baseUrl: upstream.url,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    ...extra,
  });
}

describe("clientCredentials", () => {
  it("gets a bank token from Prism's /oauth/token and mints with it", async () => {
    const observed = countingFetch();
    const idp = createIdpClient({
      baseUrl: prismUrl(),
      fetch: observed.fetch,
      getToken: clientCredentials({
        baseUrl: prismUrl(),
        clientId: CLIENT_ID,
        clientSecret: SECRET,
      }),
    });
    const { data, error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toBeUndefined();
    expect(data?.access_token).toMatch(/^eyJ/);
    expect(observed.sent[0]?.headers.get("authorization")).toMatch(
      /^Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjliMWU0YzJh/,
    );
  });

  it("sends the grant as the upstream documents it", async () => {
    await provider()();
    expect(tokenRequests[0]?.body).toEqual({
      grant_type: "client_credentials",
      client_id: CLIENT_ID,
      client_secret: SECRET,
      scope: "customers:read customers:write",
    });
  });

  it("caches the token until shortly before it expires", async () => {
    const getToken = provider();
    expect([await getToken(), await getToken(), await getToken()]).toEqual([
      "bank-1",
      "bank-1",
      "bank-1",
    ]);
    expect(tokenRequests).toHaveLength(1);
  });

  it("makes one token request for 100 concurrent callers (single flight)", async () => {
    delayMs = 50;
    const getToken = provider();
    const results = await Promise.all(Array.from({ length: 100 }, () => getToken()));
    expect(new Set(results)).toEqual(new Set(["bank-1"]));
    expect(tokenRequests).toHaveLength(1);
  });

  it("refreshes exactly once when the bank token expires", async () => {
    tokens = [
      { token: "bank-1", expiresIn: 1 },
      { token: "bank-2", expiresIn: 3600 },
    ];
    const getToken = provider({ refreshMarginMs: 500 });
    expect(await getToken()).toBe("bank-1");
    await new Promise((resolve) => setTimeout(resolve, 600));
    const after = await Promise.all(Array.from({ length: 20 }, () => getToken()));
    expect(new Set(after)).toEqual(new Set(["bank-2"]));
    expect(tokenRequests).toHaveLength(2);
  });

  it("on an upstream 401 refreshes the bank token once and retries the call once", async () => {
    tokens = [
      { token: "bank-1", expiresIn: 3600 },
      { token: "bank-2", expiresIn: 3600 },
    ];
    refused = new Set(["bank-1"]);
    const idp = createIdpClient({ baseUrl: upstream.url, getToken: provider() });
    const { data } = await idp.createCustomerToken(VALID_REQUEST);
    expect(data?.access_token).toBe("customer.token.jwt");
    expect(tokenRequests).toHaveLength(2);
    expect(mintAuthorizations).toEqual(["Bearer bank-1", "Bearer bank-2"]);
  });

  it("never loops: a second 401 is the answer", async () => {
    tokens = [
      { token: "bank-1", expiresIn: 3600 },
      { token: "bank-2", expiresIn: 3600 },
    ];
    refused = new Set(["bank-1", "bank-2"]);
    const idp = createIdpClient({ baseUrl: upstream.url, getToken: provider() });
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "unauthorized", messageCode: "authentication_failed" });
    expect(tokenRequests).toHaveLength(2);
    expect(mintAuthorizations).toHaveLength(2);
  });

  it("reports refused credentials as token_provider, sends nothing else, and never shows the secret", async () => {
    tokenStatus = 401;
    const getToken = provider();
    const idp = createIdpClient({ baseUrl: upstream.url, getToken });
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error?.kind).toBe("token_provider");
    expect(error?.message).toContain("invalid_client");
    expect(mintAuthorizations).toHaveLength(0);
    for (const shown of [
      error?.message,
      String(getToken),
      inspect(getToken),
      JSON.stringify({ getToken }),
      JSON.stringify(error),
    ]) {
      expect(shown).not.toContain(SECRET);
    }
  });

  it("keeps a slow token provider inside the call's one deadline", async () => {
    const idp = createIdpClient({
      baseUrl: upstream.url,
      timeoutMs: 200,
      getToken: () => new Promise<string>(() => undefined),
    });
    const started = Date.now();
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(mintAuthorizations).toHaveLength(0);
  });

  it("never follows a redirect with the secret in the body", async () => {
    const elsewhere = await startFaultServer((_request, response) => sendJson(response, 200, {}));
    const redirecting = await startFaultServer((_request, response) => {
      response.writeHead(308, { location: `${elsewhere.url}/oauth/token` });
      response.end();
    });
    try {
      const getToken = clientCredentials({
        baseUrl: redirecting.url,
        clientId: CLIENT_ID,
        clientSecret: SECRET,
      });
      await expect(getToken()).rejects.toThrow(/Could not get a bank token/);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close()]);
    }
  });

  it("keeps the secret out of errors even when the endpoint echoes it", async () => {
    const echoing = await startFaultServer((_request, response, body) =>
      sendJson(response, 401, {
        error: "invalid_client",
        error_description: `bad secret ${JSON.parse(body).client_secret}`,
      }),
    );
    try {
      const idp = createIdpClient({
        baseUrl: echoing.url,
        getToken: clientCredentials({
          baseUrl: echoing.url,
          clientId: CLIENT_ID,
          clientSecret: SECRET,
        }),
      });
      const { error } = await idp.createCustomerToken(VALID_REQUEST);
      expect(error?.kind).toBe("token_provider");
      expect(JSON.stringify(error)).not.toContain(SECRET);
    } finally {
      await echoing.close();
    }
  });

  it("sends the secret a function returns at each token request; the cached token keeps serving", async () => {
    let current = SECRET;
    const get = clientCredentials({
      baseUrl: upstream.url,
      clientId: CLIENT_ID,
      clientSecret: () => current,
    });
    tokens = [
      { token: "bank-1", expiresIn: 3600 },
      { token: "bank-2", expiresIn: 3600 },
    ];
    expect(await get()).toBe("bank-1");
    current = "rotated-secret-1a2b3c";
    expect(await get()).toBe("bank-1");
    // The upstream refused the token: the next request carries the new secret.
    get.invalidate("bank-1");
    expect(await get()).toBe("bank-2");
    expect(tokenRequests.map(({ body }) => body.client_secret)).toEqual([
      SECRET,
      "rotated-secret-1a2b3c",
    ]);
  });

  it("tries a rotated secret at once, though the old one's failure is still remembered", async () => {
    let current = SECRET;
    const get = clientCredentials({
      baseUrl: upstream.url,
      clientId: CLIENT_ID,
      clientSecret: () => current,
      failureBackoffMs: { firstMs: 60_000, maxMs: 60_000 },
    });
    tokenStatus = 401;
    await expect(get()).rejects.toThrow(/refused client/);
    await expect(get()).rejects.toThrow(/refused client/);
    expect(tokenRequests).toHaveLength(1);
    tokenStatus = 200;
    current = "rotated-secret-1a2b3c";
    expect(await get()).toBe("bank-1");
    expect(tokenRequests.map(({ body }) => body.client_secret)).toEqual([
      SECRET,
      "rotated-secret-1a2b3c",
    ]);
  });

  it("refuses empty credentials when created, naming the option", () => {
    expect(() =>
      clientCredentials({ baseUrl: "sandbox", clientId: CLIENT_ID, clientSecret: "" }),
    ).toThrow(/clientSecret must be a non-empty string/);
  });
});
