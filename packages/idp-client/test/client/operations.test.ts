import { preferResponse, prismUrl } from "@tokengate/testkit/vitest";
import { describe, expect, it } from "vitest";
import { createIdpClient, type Middleware } from "../../src/index.js";
import { countingFetch } from "../support/counting-fetch.js";
import { BANK_TOKEN } from "../support/fixtures.js";

const baseUrl = prismUrl();

/** Records the method and URL of each request openapi-fetch hands its middleware. */
function recordingMiddleware(seen: string[]): Middleware {
  return {
    onRequest({ request }) {
      seen.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
    },
  };
}

describe("listBankApplications, a GET with query parameters, through the one call pipeline", () => {
  it("returns the spec's page of applications with the answer's status", async () => {
    const idp = createIdpClient({ baseUrl, token: BANK_TOKEN });
    const { data, error, status } = await idp.listBankApplications({ page: 0, per_page: 10 });
    expect(error).toBeUndefined();
    expect(status).toBe(200);
    expect(data).toMatchObject({ total: 1, page: 0, per_page: 10 });
    expect(data?.objects[0]).toMatchObject({
      name: "Back office",
      scopes: ["customers:read", "customers:write", "banks:read"],
      created_at: "2026-01-23T04:56:07.000Z",
    });
  });

  it("sends the parameters in the query under their wire names, with no body", async () => {
    const observed = countingFetch();
    const idp = createIdpClient({ baseUrl, token: BANK_TOKEN, fetch: observed.fetch });
    await idp.listBankApplications({ page: 2, per_page: 5, bank_guid: "b1" });
    const [sent] = observed.sent;
    expect(sent?.method).toBe("GET");
    expect(new URL(sent?.url ?? "").search).toBe("?page=2&per_page=5&bank_guid=b1");
    expect(sent?.headers.get("authorization")).toBe(`Bearer ${BANK_TOKEN}`);
    expect(sent?.headers.get("content-type")).toBeNull();
    expect(await sent?.text()).toBe("");
  });

  it("goes through openapi-fetch when middleware is configured, with the same answer", async () => {
    const seen: string[] = [];
    const idp = createIdpClient({
      baseUrl,
      token: BANK_TOKEN,
      middleware: [recordingMiddleware(seen)],
    });
    const { data, status } = await idp.listBankApplications({ per_page: 10 });
    expect(seen).toEqual(["GET /api/bank_applications?per_page=10"]);
    expect(status).toBe(200);
    expect(data?.objects).toHaveLength(1);
  });

  it.each([
    [{ per_page: 101 }, "per_page", "must be from 1 to 100 (got 101)"],
    [{ page: -1 }, "page", "must be at least 0 (got -1)"],
    [
      { pageSize: 5 },
      "pageSize",
      "is not a field of the request (known fields: page, per_page, bank_guid)",
    ],
  ])("refuses %j naming %s, sending nothing", async (given, field, message) => {
    const observed = countingFetch();
    const idp = createIdpClient({ baseUrl, token: BANK_TOKEN, fetch: observed.fetch });
    // @ts-expect-error the typed method refuses an unknown parameter too
    const { error } = await idp.listBankApplications(given);
    expect(error).toMatchObject({ kind: "invalid_request", issues: [{ field, message }] });
    expect(observed.sent).toHaveLength(0);
  });

  it.each([
    [401, "unauthorized", "unauthorized"],
    [403, "invalid_scope", "forbidden"],
  ] as const)("reads its documented %i (%s) as %s", async (code, example, kind) => {
    const idp = createIdpClient({
      baseUrl,
      token: BANK_TOKEN,
      middleware: [preferResponse(code, example)],
    });
    const { error, status } = await idp.listBankApplications({});
    expect(status).toBe(code);
    expect(error).toMatchObject({ kind, status: code });
  });
});
