/**
 * The audit trail: every operation that reaches the pipeline writes exactly
 * one event of `audit-event.schema.json`, whatever its outcome (issued,
 * reused, refused by policy or authentication, bad input, limited, refused
 * by the upstream budget, failed upstream, cancelled), and none holds a
 * secret in any encoded form. Broker mode, through the gateway as deployed
 * (`buildApp`, a socket), in front of a real local upstream.
 */
import type { ServerResponse } from "node:http";
import { type FaultServer, sendJson, startFaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEvent } from "../src/ops/audit/event.js";
import { auditEvents, auditEventsOf, expectNoSecretIn } from "./support/audit.js";
import { BANK_TOKEN_VALUE, brokerSettings, CLIENT_SECRET } from "./support/broker-upstream.js";
import {
  callerToken,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./support/caller-tokens.js";
import { GUID, MINT, post, startGateway, type TestGateway } from "./support/gateway.js";

const OTHER_GUID = "0123456789abcdef0123456789abcdef";
/** Mints for this customer fail upstream, with a body that echoes the gateway's credentials. */
const FAILING_GUID = "fa110000000000000000000000000000";
/** Mints for this customer take a second: long enough for a caller to hang up. */
const SLOW_GUID = "51000000000000000000000000000000";
const LIST = /* GraphQL */ `query { bankApplications { total } }`;

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const minted: string[] = [];

/** A customer token as the upstream issues one: a JWT with `jti`, `exp` and `scope`. */
function mintToken(scopes: unknown): string {
  const n = minted.length + 1;
  const exp = Math.floor(Date.now() / 1000) + 1_800;
  const token = `${part({ alg: "RS256", typ: "JWT" })}.${part({ jti: `jti-${n}`, exp, scope: scopes })}.signature-${n}-9c8d7e`;
  minted.push(token);
  return token;
}

function answerMint(body: string, response: ServerResponse): void | Promise<void> {
  const request = JSON.parse(body) as { customer_guid: string; scopes: unknown };
  if (request.customer_guid === FAILING_GUID) {
    sendJson(response, 500, {
      status: 500,
      error_message: `refused ${CLIENT_SECRET} ${BANK_TOKEN_VALUE} ${encodeURIComponent(CLIENT_SECRET)}`,
      message_code: "internal",
    });
    return;
  }
  const delay = request.customer_guid === SLOW_GUID ? 1_000 : 0;
  return new Promise((resolve) =>
    setTimeout(() => {
      if (!response.destroyed) sendJson(response, 201, { access_token: mintToken(request.scopes) });
      resolve();
    }, delay),
  );
}

let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let upstream: FaultServer;
const callers: Record<"alice" | "admin", string> = { alice: "", admin: "" };

beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
  upstream = await startFaultServer((request, response, body) => {
    if (request.url === "/oauth/token") {
      sendJson(response, 200, {
        access_token: BANK_TOKEN_VALUE,
        token_type: "Bearer",
        expires_in: 3600,
      });
      return;
    }
    if (request.url?.startsWith("/api/bank_applications")) {
      sendJson(response, 200, { total: 0, page: 0, per_page: 10, objects: [] });
      return;
    }
    return answerMint(body, response);
  });
  callers.alice = await callerToken(key, { sub: "alice", customer_guid: GUID });
  callers.admin = await callerToken(key, { sub: "admin-1", scope: "tokengate:admin" });
});
afterAll(async () => {
  await jwks.close();
  await upstream.close();
});

function broker(env: Record<string, string> = {}): Promise<TestGateway> {
  return startGateway(upstream.url, { ...brokerSettings(upstream.url, jwks.url), ...env });
}

/** Every credential in play: none may reach an audit line, in any form. */
function secrets(): string[] {
  return [CLIENT_SECRET, BANK_TOKEN_VALUE, callers.alice, callers.admin, ...minted];
}

const mintInput = (customerGuid: string, more: Record<string, unknown> = {}) => ({
  query: MINT,
  variables: { input: { customerGuid, scopes: ["CUSTOMERS_READ"], ...more } },
});

/** One request and the one event it must write. */
interface Case {
  name: string;
  caller: keyof typeof callers | "forged";
  payload: { query: string; variables?: unknown };
  want: Partial<AuditEvent>;
}

const ALICE = { sub: "alice" };
const ADMIN = { sub: "admin-1" };
const ALLOWLIST = { inheritIpAllowlist: true, ipAllowlist: ["34.120.17.0/24"] };

const CASES: Case[] = [
  {
    name: "a token issued",
    caller: "alice",
    payload: mintInput(GUID, ALLOWLIST),
    want: {
      outcome: "ok",
      caller: ALICE,
      customer: GUID,
      scopes: ["customers:read"],
      grantedScopes: ["customers:read"],
      ...ALLOWLIST,
      jti: "jti-1",
      reused: false,
      reason: null,
    },
  },
  {
    name: "the same token handed out again",
    caller: "alice",
    payload: mintInput(GUID, ALLOWLIST),
    want: { outcome: "ok", caller: ALICE, customer: GUID, jti: "jti-1", reused: true },
  },
  {
    name: "a mint refused by the broker policy",
    caller: "alice",
    payload: mintInput(OTHER_GUID),
    want: {
      outcome: "FORBIDDEN",
      reason: "customer_mismatch",
      caller: ALICE,
      customer: OTHER_GUID,
      scopes: ["customers:read"],
      jti: null,
      expiresAt: null,
      reused: null,
    },
  },
  {
    name: "a caller token that does not verify",
    caller: "forged",
    payload: mintInput(GUID),
    want: { outcome: "UNAUTHENTICATED", reason: "bad_signature", caller: null, customer: GUID },
  },
  {
    name: "input that breaks the spec (nothing of it written)",
    caller: "admin",
    payload: mintInput("not-a-guid"),
    want: { outcome: "BAD_USER_INPUT", caller: ADMIN, customer: null, scopes: null },
  },
  {
    name: "an upstream failure echoing the gateway's credentials",
    caller: "admin",
    payload: mintInput(FAILING_GUID),
    want: { outcome: "UPSTREAM_UNAVAILABLE", caller: ADMIN, customer: FAILING_GUID, jti: null },
  },
  {
    name: "an admin operation",
    caller: "admin",
    payload: { query: LIST },
    want: {
      operation: "listBankApplications",
      outcome: "ok",
      caller: ADMIN,
      customer: null,
      jti: null,
      reused: null,
    },
  },
  {
    name: "an admin operation refused to a non-admin",
    caller: "alice",
    payload: { query: LIST },
    want: { operation: "listBankApplications", outcome: "FORBIDDEN", reason: "admin_only" },
  },
];

describe("the audit trail in broker mode", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await broker();
  });

  it.each(CASES)("writes one event for $name", async ({ caller, payload, want }) => {
    const authorization =
      caller === "forged" ? `${callers.alice.slice(0, -4)}AAAA` : callers[caller];
    const { headers } = await post(gateway, payload, { authorization: `Bearer ${authorization}` });
    const events = auditEventsOf(gateway.logs, headers.get("x-request-id"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ mode: "broker", operation: "createCustomerToken", ...want });
    expectNoSecretIn(gateway.logs, secrets());
  });

  it("writes the issued token's exp, never the token", async () => {
    const [issued] = auditEvents(gateway.logs).filter((event) => event.jti === "jti-1");
    const exp = JSON.parse(Buffer.from(minted[0]?.split(".")[1] ?? "", "base64url").toString()).exp;
    expect(issued?.expiresAt).toBe(new Date(exp * 1000).toISOString());
  });

  it("writes one cancelled event for a caller that hangs up", async () => {
    const requestId = "audit-hang-up-1";
    const leaving = new AbortController();
    const sent = fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${callers.admin}`,
        "x-request-id": requestId,
      },
      body: JSON.stringify(mintInput(SLOW_GUID)),
      signal: leaving.signal,
    });
    setTimeout(() => leaving.abort(), 200);
    await expect(sent).rejects.toThrow();
    await expect
      .poll(() => auditEventsOf(gateway.logs, requestId), { timeout: 3_000 })
      .toHaveLength(1);
    expect(auditEventsOf(gateway.logs, requestId)[0]).toMatchObject({
      outcome: "cancelled",
      caller: ADMIN,
      customer: SLOW_GUID,
    });
  });
});

describe("the audit trail of refusals before the upstream", () => {
  it.each([
    ["the caller limits", { RATE_LIMIT_MINTS_PER_MINUTE: "1" }, "RATE_LIMITED"],
    ["the upstream budget", { UPSTREAM_MINT_LIMIT: "1" }, "UPSTREAM_RATE_LIMITED"],
  ])("writes one event for a mint refused by %s", async (_name, env, code) => {
    const gateway = await broker({ TOKEN_REUSE: "off", ...env });
    const authorization = { authorization: `Bearer ${callers.alice}` };
    const first = await post(gateway, mintInput(GUID), authorization);
    const second = await post(gateway, mintInput(GUID), authorization);
    expect(second.body.errors?.[0]?.extensions?.code).toBe(code);
    const ids = [first, second].map(({ headers }) => headers.get("x-request-id"));
    const events = ids.map((id) => auditEventsOf(gateway.logs, id));
    expect(events).toMatchObject([
      [{ outcome: "ok", reused: false }],
      [{ outcome: code, caller: ALICE, customer: GUID, jti: null }],
    ]);
    expectNoSecretIn(gateway.logs, secrets());
  });
});

describe("AUDIT_LOG=off", () => {
  it("writes no event", async () => {
    const gateway = await broker({ AUDIT_LOG: "off" });
    const { body } = await post(gateway, mintInput(GUID), {
      authorization: `Bearer ${callers.alice}`,
    });
    expect(body.errors).toBeUndefined();
    expect(auditEvents(gateway.logs)).toEqual([]);
  });
});
