/**
 * An outside project's use of the packed client, type-checked with strict
 * tsc against the tarball's declarations and then run against a gateway:
 * `node check.js <gateway url>` prints what it saw as one JSON line.
 */
import {
  type CustomerTokenScope,
  createGatewayClient,
  type GatewayClientError,
  type GatewayErrorCode,
} from "@tokengate/graphql-client";

const url = process.argv[2];
if (!url) throw new Error("usage: node check.js <gateway url>");
const customerGuid = "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4";

const scopes: CustomerTokenScope[] = ["CUSTOMERS_READ", "ACCOUNTS_READ"];
// @ts-expect-error a wire value is not a scope name
const wireScope: CustomerTokenScope = "customers:read";

const gateway = createGatewayClient({ url, token: "demo-bank-token" });
const minted = await gateway.createCustomerToken({ customerGuid, scopes });
if (minted.error) throw new Error(`${minted.error.code}: ${minted.error.message}`);
const accessToken: string = minted.data.accessToken;
const expiresAt: string | null = minted.data.expiresAt;
const granted: CustomerTokenScope[] | null = minted.data.grantedScopes;

// @ts-expect-error an unknown scope is a compile error
await gateway.createCustomerToken({ customerGuid, scopes: ["CUSTOMERS_READS"] });

/** Exhaustive over the gateway's codes: a new code fails this switch until it is handled. */
function describeCode(code: GatewayErrorCode): string {
  switch (code) {
    case "UNAUTHENTICATED":
    case "FORBIDDEN":
      return "auth";
    case "BAD_USER_INPUT":
      return "input";
    default:
      return "other";
  }
}

const anonymous = createGatewayClient({ url });
const refused = await anonymous.createCustomerToken({ customerGuid, scopes });
let refusal: { code: string; kind: string } | undefined;
if (refused.error) {
  const error: GatewayClientError = refused.error;
  // @ts-expect-error an unknown code is a compile error
  if (error.code === "NOT_A_CODE") throw new Error("unreachable");
  if (error.code === "UNAUTHENTICATED") {
    const code: "UNAUTHENTICATED" = error.code;
    refusal = { code, kind: describeCode(code) };
  }
}

console.log(
  JSON.stringify({
    jwtParts: accessToken.split(".").length,
    expiresAt,
    granted,
    wireScope,
    refusal,
  }),
);
