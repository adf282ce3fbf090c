import { connect } from "node:net";
import { type FaultServer, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BANK_TOKEN, GUID, MINT } from "./support/gateway.js";
import { runGateway } from "./support/process.js";

const MINTED = "eyJhbGciOiJub25lIn0.eyJleHAiOjE4OTM0NTYwMDB9.c2lnbmF0dXJl";
let upstream: FaultServer;

beforeAll(async () => {
  upstream = await startFaultServer(async (_request, response) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    response.writeHead(201, { "content-type": "application/json" });
    response.end(JSON.stringify({ access_token: MINTED }));
  });
});
afterAll(() => upstream.close());

/** Opens a fresh TCP connection (never a pooled keep-alive one). */
function newConnection(url: string): Promise<"accepted" | "refused"> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve("accepted");
    });
    socket.once("error", () => resolve("refused"));
  });
}

function mintOver(url: string) {
  return fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: BANK_TOKEN },
    body: JSON.stringify({
      query: MINT,
      variables: { input: { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] } },
    }),
  }).then(
    (response) =>
      response.json() as Promise<{
        data?: { createCustomerToken?: { accessToken?: string } };
        errors?: { extensions?: { code?: string } }[];
      }>,
  );
}

describe("the gateway process", () => {
  it("refuses to start without IDP_BASE_URL: exit 1 and a message naming it", async () => {
    const { ready, child, output } = runGateway({});
    await expect(ready).rejects.toThrow();
    expect(child.exitCode).toBe(1);
    expect(output()).toMatch(/invalid configuration\n- IDP_BASE_URL is required/);
    expect(output()).not.toMatch(/\n\s+at /);
  });

  it("refuses to start in broker mode without caller authentication: exit 1, secret not shown", async () => {
    const { ready, child, output } = runGateway({
      IDP_BASE_URL: upstream.url,
      IDP_CLIENT_ID: "bank-client",
      IDP_CLIENT_SECRET: "never-print-me-123",
    });
    await expect(ready).rejects.toThrow();
    expect(child.exitCode).toBe(1);
    expect(output()).toMatch(/AUTH_JWKS_URL is required in broker mode/);
    expect(output()).not.toContain("never-print-me-123");
  });

  it("drains on SIGTERM: 20 in-flight requests complete, new connections are refused, exit 0", async () => {
    const gateway = await runGateway({ IDP_BASE_URL: upstream.url, LOG_LEVEL: "debug" }).ready;
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);

    const before = upstream.requests.length;
    const inFlight = Array.from({ length: 20 }, () => mintOver(gateway.url));
    // SIGTERM only once all 20 have reached the upstream, so all are truly in flight.
    while (upstream.requests.length - before < 20)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const stoppedAt = Date.now();
    gateway.child.kill("SIGTERM");
    await gateway.waitFor(/"msg":"draining"/);
    const refused = await newConnection(gateway.url);

    const results = await Promise.all(inFlight);
    expect(results.map((result) => result.data?.createCustomerToken?.accessToken)).toEqual(
      Array(20).fill(MINTED),
    );
    expect(refused).toBe("refused");
    expect(await gateway.exit).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);

    // Debug-level logs of the whole run hold neither the bank token nor a minted token.
    const logs = gateway.output();
    expect(logs).toContain('"msg":"draining"');
    expect(logs).not.toContain(BANK_TOKEN.split(" ")[1]);
    expect(logs).not.toContain(MINTED);
  });

  it("keeps its drain budget whatever IDP_TIMEOUT_MS is: waiting mints are answered SHUTTING_DOWN, not reset", async () => {
    const silent = await startFaultServer(() => undefined);
    try {
      const gateway = await runGateway({
        IDP_BASE_URL: silent.url,
        IDP_TIMEOUT_MS: "40000",
        DRAIN_GRACE_MS: "2000",
      }).ready;
      const inFlight = Array.from({ length: 5 }, () => mintOver(gateway.url));
      while (silent.requests.length < 5) await new Promise((resolve) => setTimeout(resolve, 10));
      const stoppedAt = Date.now();
      gateway.child.kill("SIGTERM");
      const answers = await Promise.all(inFlight);
      expect(answers.map((answer) => answer.errors?.[0]?.extensions?.code)).toEqual(
        Array(5).fill("SHUTTING_DOWN"),
      );
      expect(await gateway.exit).toBe(0);
      // The 2 s budget, plus the time to end the log stream and exit (IDP_TIMEOUT_MS would be 40 s).
      expect(Date.now() - stoppedAt).toBeLessThan(3_500);
    } finally {
      await silent.close();
    }
  });

  it("serves GraphiQL with the example operation in development", async () => {
    const gateway = await runGateway({ IDP_BASE_URL: upstream.url }).ready;
    const page = await fetch(`${gateway.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await page.text()).toContain("createCustomerToken");
    gateway.child.kill("SIGTERM");
    expect(await gateway.exit).toBe(0);
  });

  it("turns GraphiQL and introspection off in production", async () => {
    const gateway = await runGateway({ IDP_BASE_URL: upstream.url, NODE_ENV: "production" }).ready;
    const page = await fetch(`${gateway.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("graphiql");
    const introspection = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __schema { types { name } } }" }),
    }).then(
      (response) =>
        response.json() as Promise<{
          data?: unknown;
          errors?: { extensions?: { code?: string } }[];
        }>,
    );
    expect(introspection.data).toBeUndefined();
    expect(introspection.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    gateway.child.kill("SIGTERM");
    expect(await gateway.exit).toBe(0);
  });
});
