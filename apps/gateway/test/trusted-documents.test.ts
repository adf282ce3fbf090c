import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { brokerSettings, useBrokerFixture } from "./support/broker-upstream.js";
import { callerToken } from "./support/caller-tokens.js";
import { GUID, MINT, post } from "./support/gateway.js";
import { runGateway } from "./support/process.js";

/** The typed client's manifest, as committed: `{ [id]: document }`. */
const MANIFEST: Record<string, string> = JSON.parse(
  readFileSync(
    new URL("../../../packages/graphql-client/persisted-documents.json", import.meta.url),
    "utf8",
  ),
);

function idOf(operationName: string): string {
  const entry = Object.entries(MANIFEST).find(([, text]) => text.includes(` ${operationName}(`));
  if (!entry) throw new Error(`no ${operationName} in the manifest`);
  return entry[0];
}

const byId = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });
const INPUT = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };
const fixture = useBrokerFixture();

/** The built gateway in broker mode; `trusted` is `TRUSTED_DOCUMENTS` (empty: its default). */
async function brokerGateway(trusted: string) {
  const { upstream, jwks, key } = fixture;
  const gateway = await runGateway({
    ...brokerSettings(upstream.url, `${jwks.url}/jwks.json`),
    TRUSTED_DOCUMENTS: trusted,
  }).ready;
  const token = await callerToken(key, { sub: "user-1", customer_guid: GUID });
  return { gateway, headers: { authorization: `Bearer ${token}` } };
}

describe("trusted documents in broker mode, as deployed (the built process)", () => {
  it("by default runs the typed client's mint by its id, and refuses a document's text or an unknown id with 400 DOCUMENT_NOT_TRUSTED before sending anything", async () => {
    const { gateway, headers } = await brokerGateway("");
    expect(gateway.output()).toMatch(/"trustedDocuments":true/);
    const mintsBefore = fixture.upstream.minted().length;

    const refused = [
      await post(gateway, { query: MINT, variables: { input: INPUT } }, headers),
      await post(
        gateway,
        { extensions: byId("0".repeat(64)), variables: { input: INPUT } },
        headers,
      ),
      // The manifest's own text, sent as text: trust is by id, not by what a caller claims.
      await post(
        gateway,
        { query: MANIFEST[idOf("CreateCustomerToken")], variables: { input: INPUT } },
        headers,
      ),
    ];
    for (const { status, body } of refused) {
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toEqual({ code: "DOCUMENT_NOT_TRUSTED" });
    }
    expect(fixture.upstream.minted()).toHaveLength(mintsBefore);

    const trusted = await post(
      gateway,
      {
        operationName: "CreateCustomerToken",
        extensions: byId(idOf("CreateCustomerToken")),
        variables: { input: INPUT },
      },
      headers,
    );
    expect(trusted.status).toBe(200);
    expect(trusted.body.errors).toBeUndefined();
    expect(trusted.body.data?.createCustomerToken).toMatchObject({
      accessToken: fixture.upstream.minted().at(-1),
      customerGuid: GUID,
    });
  });

  it("still checks a trusted document's variables: BAD_USER_INPUT names the field, nothing sent", async () => {
    const { gateway, headers } = await brokerGateway("required");
    const mintsBefore = fixture.upstream.minted().length;
    const { body } = await post(
      gateway,
      {
        extensions: byId(idOf("CreateCustomerToken")),
        variables: { input: { ...INPUT, scopes: ["NOT_A_SCOPE"] } },
      },
      headers,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toMatch(/input\.scopes\[0\]/);
    expect(fixture.upstream.minted()).toHaveLength(mintsBefore);
  });

  it("refuses a request with neither a document nor an id with BAD_REQUEST", async () => {
    const { gateway, headers } = await brokerGateway("required");
    const { status, body } = await post(gateway, { variables: { input: INPUT } }, headers);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({ code: "BAD_REQUEST" });
  });

  it("with TRUSTED_DOCUMENTS=off runs a document's text", async () => {
    const { gateway, headers } = await brokerGateway("off");
    expect(gateway.output()).toMatch(/"trustedDocuments":false/);
    const { body } = await post(gateway, { query: MINT, variables: { input: INPUT } }, headers);
    expect(body.errors).toBeUndefined();
    expect(body.data?.createCustomerToken?.accessToken).toBe(fixture.upstream.minted().at(-1));
  });
});
