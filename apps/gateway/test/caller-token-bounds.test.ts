import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { brokerSettings, useBrokerFixture } from "./support/broker-upstream.js";
import { AUDIENCE, ISSUER, type SigningKey } from "./support/caller-tokens.js";
import { GUID, mint, startGateway, type TestGateway } from "./support/gateway.js";

const broker = useBrokerFixture();
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway(broker.upstream.url, {
    ...brokerSettings(broker.upstream.url, `${broker.jwks.url}/jwks.json`),
    RATE_LIMIT_MINTS_PER_MINUTE: "0",
  });
});

const now = () => Math.floor(Date.now() / 1000);
const DAY = 86_400;

/** A caller token signed by the trusted key, with the given `typ`, `iat` and `exp`. */
function signed(
  key: SigningKey,
  { typ, iat, exp }: { typ?: string; iat?: number; exp: number },
): Promise<string> {
  const jwt = new SignJWT({ sub: "caller-bounds", customer_guid: GUID })
    .setProtectedHeader({ alg: "RS256", kid: key.kid, ...(typ && { typ }) })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(exp);
  if (iat !== undefined) jwt.setIssuedAt(iat);
  return jwt.sign(key.privateKey);
}

const mintsSent = () =>
  broker.upstream.requests.filter((request) => request.url === "/api/customer_tokens").length;

async function mintWith(token: string) {
  return mint(
    gateway,
    { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] },
    { authorization: `Bearer ${token}` },
  );
}

describe("caller tokens' lifetime and type", () => {
  it.each([
    [
      "that lives until the year 3000",
      () => ({ iat: now(), exp: 32_503_680_000 }),
      "token_lifetime_too_long",
    ],
    [
      "without iat that lives two days from now",
      () => ({ exp: now() + 2 * DAY }),
      "token_lifetime_too_long",
    ],
    [
      "issued a day ahead",
      () => ({ iat: now() + DAY, exp: now() + DAY + 300 }),
      "token_issued_in_future",
    ],
    [
      "of another type (a security event token)",
      () => ({ typ: "secevent+jwt", iat: now(), exp: now() + 300 }),
      "wrong_token_type",
    ],
    [
      "of another type (an ID token)",
      () => ({ typ: "id_token+jwt", iat: now(), exp: now() + 300 }),
      "wrong_token_type",
    ],
  ])("refuses a token %s with UNAUTHENTICATED (nothing sent)", async (_name, shape, reason) => {
    const before = mintsSent();
    const { body } = await mintWith(await signed(broker.key, shape()));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason });
    expect(mintsSent()).toBe(before);
  });

  it.each([
    ["typ JWT", { typ: "JWT" }],
    ["typ at+jwt", { typ: "at+jwt" }],
    ["typ application/at+jwt", { typ: "application/at+jwt" }],
    ["no typ", {}],
  ])("accepts a token with %s living the documented maximum of a day", async (_name, header) => {
    const iat = now();
    const { body } = await mintWith(await signed(broker.key, { ...header, iat, exp: iat + DAY }));
    expect(body.errors).toBeUndefined();
  });
});
