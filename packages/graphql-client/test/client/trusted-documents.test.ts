import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { prismUrl } from "@tokengate/testkit/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayClient } from "../../src/index.js";
import { GUID, type RunningGateway, startGateway } from "../support/gateway.js";

/** The manifest as the package ships it. */
const MANIFEST: Record<string, string> = JSON.parse(
  readFileSync(new URL("../../persisted-documents.json", import.meta.url), "utf8"),
);

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(prismUrl(), { TRUSTED_DOCUMENTS: "required" });
});
afterAll(() => gateway?.stop());

const input = { customerGuid: GUID, scopes: ["CUSTOMERS_READ" as const] };

/** A fetch that records each request body and sends it on unchanged. */
function observingFetch() {
  const bodies: Record<string, unknown>[] = [];
  const observed: typeof fetch = async (url, init) => {
    bodies.push(JSON.parse(String(init?.body)));
    return fetch(url, init);
  };
  return { bodies, fetch: observed };
}

describe("the manifest of trusted documents", () => {
  it("holds each document under the SHA-256 of its text, so a changed document gets a new id", () => {
    const entries = Object.entries(MANIFEST);
    expect(entries.map(([, text]) => text.match(/^(query|mutation) (\w+)/)?.[2]).sort()).toEqual([
      "CreateCustomerToken",
      "ListBankApplications",
    ]);
    for (const [id, text] of entries) {
      expect(id).toBe(createHash("sha256").update(text).digest("hex"));
    }
  });
});

describe("a gateway with TRUSTED_DOCUMENTS=required (the built gateway over Prism)", () => {
  it("serves both operations of a client with trustedDocuments, which sends ids and no text", async () => {
    const { bodies, fetch } = observingFetch();
    const client = createGatewayClient({
      url: gateway.url,
      token: "demo-bank-token",
      trustedDocuments: true,
      fetch,
    });
    const minted = await client.createCustomerToken(input);
    expect(minted.error).toBeUndefined();
    expect(minted.data).toMatchObject({ customerGuid: GUID, scopes: ["CUSTOMERS_READ"] });
    const listed = await client.listBankApplications({ perPage: 10 });
    expect(listed.error).toBeUndefined();
    expect(listed.data?.objects).toHaveLength(1);

    for (const body of bodies) {
      expect(body).not.toHaveProperty("query");
      const id = (body.extensions as { persistedQuery: { sha256Hash: string } }).persistedQuery
        .sha256Hash;
      expect(MANIFEST[id]).toContain(`${body.operationName}(`);
    }
    expect(bodies.map((body) => body.operationName)).toEqual([
      "CreateCustomerToken",
      "ListBankApplications",
    ]);
  });

  it("answers a client that sends text with the DOCUMENT_NOT_TRUSTED error, typed", async () => {
    const client = createGatewayClient({ url: gateway.url, token: "demo-bank-token" });
    const { error } = await client.createCustomerToken(input);
    expect(error).toMatchObject({ code: "DOCUMENT_NOT_TRUSTED", status: 400, field: null });
  });
});
