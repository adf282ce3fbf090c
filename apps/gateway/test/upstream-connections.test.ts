import { startFaultServer } from "@tokengate/testkit";
import { describe, expect, it } from "vitest";
import { BANK_TOKEN, GUID, MINT, startGateway } from "./support/gateway.js";

const VALID = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe("IDP_CONNECTIONS", () => {
  it("bounds the sockets open to the upstream: mints beyond it wait for one, then all complete", async () => {
    let release = () => {};
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    const upstream = await startFaultServer(async (_request, response) => {
      await answered;
      response.writeHead(201, { "content-type": "application/json" });
      response.end('{"access_token":"a.b.c"}');
    });
    try {
      const gateway = await startGateway(upstream.url, { IDP_CONNECTIONS: "2" });
      const mints = Array.from({ length: 5 }, () =>
        fetch(`${gateway.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: BANK_TOKEN },
          body: JSON.stringify({ query: MINT, variables: { input: VALID } }),
        }),
      );
      while (upstream.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await settle();
      expect(upstream.requests).toHaveLength(2);
      release();
      expect((await Promise.all(mints)).map((response) => response.status)).toEqual([
        200, 200, 200, 200, 200,
      ]);
      expect(upstream.requests).toHaveLength(5);
    } finally {
      release();
      await upstream.close();
    }
  });
});
