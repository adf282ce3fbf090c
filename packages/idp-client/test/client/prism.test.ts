import { preferResponse, prismUrl } from "@tokengate/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createIdpClient } from "../../src/index.js";
import { countingFetch } from "../support/counting-fetch.js";
import { BANK_TOKEN, SPEC_EXAMPLE_TOKEN_PREFIX, VALID_REQUEST } from "../support/fixtures.js";

const baseUrl = prismUrl();

describe("createCustomerToken against the Prism mock of the spec", () => {
  it("returns the minted token on 201", async () => {
    const idp = createIdpClient({ baseUrl, token: BANK_TOKEN });
    const { data, error, response } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toBeUndefined();
    expect(response?.status).toBe(201);
    expect(data?.access_token.startsWith(SPEC_EXAMPLE_TOKEN_PREFIX)).toBe(true);
  });

  it("sends the bank token from an async provider, every field in wire form", async () => {
    const observed = countingFetch();
    const idp = createIdpClient({
      baseUrl,
      getToken: async () => BANK_TOKEN,
      fetch: observed.fetch,
    });
    const body = { ...VALID_REQUEST, inherit_ip_allowlist: false, ip_allowlist: ["52.94.0.0/16"] };
    const { data } = await idp.createCustomerToken(body);
    expect(data?.access_token).toBeTypeOf("string");
    const [sent] = observed.sent;
    expect(sent?.headers.get("authorization")).toBe(`Bearer ${BANK_TOKEN}`);
    expect(sent?.headers.get("content-type")).toBe("application/json");
    expect(await sent?.json()).toEqual(body);
  });

  it("maps Prism's 401 for a missing bank token to an unauthorized error", async () => {
    const idp = createIdpClient({ baseUrl });
    const { data, error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({
      kind: "unauthorized",
      status: 401,
      messageCode: "invalid_subject",
    });
  });

  it.each([
    [403, "invalid_scope", "forbidden", "invalid_scopes"],
    [403, "forbidden", "forbidden", "forbidden"],
    [401, "expired_signature", "unauthorized", "authentication_failed"],
    [422, "no_customer", "unprocessable", "no_customer"],
  ] as const)(
    "maps a documented %i (%s) to %s with message_code %s",
    async (code, example, kind, messageCode) => {
      const idp = createIdpClient({
        baseUrl,
        token: BANK_TOKEN,
        middleware: [preferResponse(code, example)],
      });
      const { error } = await idp.createCustomerToken(VALID_REQUEST);
      expect(error).toMatchObject({ kind, status: code, messageCode });
      expect(error?.message).toContain(messageCode);
    },
  );

  it("sends nothing when the request breaks the contract", async () => {
    const observed = countingFetch();
    const idp = createIdpClient({ baseUrl, token: BANK_TOKEN, fetch: observed.fetch });
    const { error } = await idp.createCustomerToken({ customer_guid: "too-short", scopes: [] });
    expect(error?.kind).toBe("invalid_request");
    expect(error?.message).toMatch(
      /customer_guid must be exactly 32 characters.*scopes must have at least 1 item/,
    );
    expect(observed.sent).toHaveLength(0);
  });

  it("refuses a baseUrl carrying credentials or a query", () => {
    expect(() => createIdpClient({ baseUrl: "https://user:pw@id.sandbox.cybrid.app" })).toThrow(
      /must not carry credentials/,
    );
    expect(() => createIdpClient({ baseUrl: "https://id.sandbox.cybrid.app/?token=x" })).toThrow(
      /must not carry credentials/,
    );
  });

  it("refuses an unknown baseUrl alias when the client is created", () => {
    expect(() => createIdpClient({ baseUrl: "staging" })).toThrow(
      /baseUrl must be "sandbox", "production" or an http\(s\) URL/,
    );
  });
});
