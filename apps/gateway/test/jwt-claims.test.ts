/**
 * A mint's token is read for its `expiresAt` and `grantedScopes` fields and
 * for its audit event: the claims are decoded once per answer, kept with the
 * answer object rather than in a cache keyed by the token.
 */
import { describe, expect, it } from "vitest";
import { claimsHeldBy } from "../src/core/jwt-claims.js";

const encode = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.c2ln`;

describe("claimsHeldBy", () => {
  it("decodes an answer's token once, however many readers ask", () => {
    const answer = { access_token: encode({ exp: 1_893_456_000, scope: ["customers:read"] }) };
    const first = claimsHeldBy(answer, answer.access_token);
    expect(first).toEqual({ exp: 1_893_456_000, scope: ["customers:read"] });
    // The same object back: no second decode.
    expect(claimsHeldBy(answer, answer.access_token)).toBe(first);
  });

  it("decodes each answer's own token", () => {
    const one = { access_token: encode({ jti: "one" }) };
    const two = { access_token: encode({ jti: "two" }) };
    expect(claimsHeldBy(one, one.access_token)?.jti).toBe("one");
    expect(claimsHeldBy(two, two.access_token)?.jti).toBe("two");
  });

  it("remembers a token that is not a JWT as having no claims", () => {
    const answer = { access_token: "opaque" };
    expect(claimsHeldBy(answer, answer.access_token)).toBeNull();
    expect(claimsHeldBy(answer, answer.access_token)).toBeNull();
  });
});
