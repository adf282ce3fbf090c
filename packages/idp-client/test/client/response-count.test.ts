/**
 * A WHATWG `Response` per call is what the default transport exists to
 * avoid: the status is part of every result, and a `Response` is built only
 * when middleware asks for one, or when a caller reads `result.response`.
 */
import { prismUrl } from "@tokengate/testkit/vitest";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createIdpClient, type Middleware } from "../../src/index.js";
import { BANK_TOKEN, VALID_REQUEST } from "../support/fixtures.js";

const baseUrl = prismUrl();
const CALLS = 100;

let constructed = 0;
beforeEach(() => {
  constructed = 0;
  const Original = globalThis.Response;
  vi.stubGlobal(
    "Response",
    class CountingResponse extends Original {
      constructor(...args: ConstructorParameters<typeof Response>) {
        super(...args);
        constructed += 1;
      }
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const noOp: Middleware = { onRequest: () => undefined };

describe("Responses built per call", () => {
  it(`builds none in ${CALLS} calls without middleware, each result carrying its status`, async () => {
    const idp = createIdpClient({ baseUrl, token: BANK_TOKEN });
    for (let call = 0; call < CALLS; call += 1) {
      const result = await idp.createCustomerToken(VALID_REQUEST);
      expect(result.status).toBe(201);
    }
    expect(constructed).toBe(0);
    await idp.close();
  });

  it("builds one when a caller reads result.response, and the same one twice", async () => {
    const idp = createIdpClient({ baseUrl, token: BANK_TOKEN });
    const result = await idp.listBankApplications({});
    expect(result.response).toBe(result.response);
    expect(result.response?.status).toBe(200);
    expect(constructed).toBe(1);
    await idp.close();
  });

  it(`builds at least one per call in ${CALLS} calls with middleware, as openapi-fetch documents`, async () => {
    const idp = createIdpClient({ baseUrl, token: BANK_TOKEN, middleware: [noOp] });
    for (let call = 0; call < CALLS; call += 1) {
      expect((await idp.createCustomerToken(VALID_REQUEST)).status).toBe(201);
    }
    expect(constructed).toBeGreaterThanOrEqual(CALLS);
    await idp.close();
  });
});
