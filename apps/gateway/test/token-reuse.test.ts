import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LimitedUpstreamOptions } from "@tokengate/testkit";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { callerToken } from "./support/caller-tokens.js";
import { post, startGateway } from "./support/gateway.js";
import { readyAndShared as ready, useLimitedReplicas } from "./support/limited-replicas.js";
import { runGateway } from "./support/process.js";

const MINTS = "/api/customer_tokens";
const GUID = "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4";
const OTHER_GUID = "0123456789abcdef0123456789abcdef";
const ROOMY: LimitedUpstreamOptions = { mintLimit: 1_000, tokenLimit: 100, windowSeconds: 60 };
const MINT = /* GraphQL */ `
  mutation Mint($input: CreateCustomerTokenInput!) {
    createCustomerToken(input: $input) { accessToken reused }
  }
`;

const fixture = useLimitedReplicas();
const { brokerEnv, twoReplicas } = fixture;
const upstreamOf = (options: LimitedUpstreamOptions = ROOMY) => fixture.upstream(options);
const redisServer = fixture.redis;

function keyFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), "tokengate-cache-key-")), "key");
  writeFileSync(path, `${"5e".repeat(32)}\n`);
  return path;
}

async function as(sub: string, customerGuid = GUID): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await callerToken(fixture.key, { sub, customer_guid: customerGuid })}`,
  };
}

interface Answer {
  token?: string;
  reused?: boolean;
  code?: string;
}

async function mintAs(
  gateway: { url: string },
  headers: Record<string, string>,
  input: Record<string, unknown> = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] },
): Promise<Answer> {
  const { body } = await post(gateway, { query: MINT, variables: { input } }, headers);
  const answer = body.data?.createCustomerToken;
  if (answer) return { token: String(answer.accessToken), reused: Boolean(answer.reused) };
  return { code: String(body.errors?.[0]?.extensions?.code) };
}

describe("token reuse shared by two replicas through Redis", () => {
  it("answers an identical mint on the other replica with the same token, sends one mint, and stores nothing in clear", async () => {
    const upstream = await upstreamOf();
    const redis = await redisServer();
    const [a, b] = await twoReplicas(
      brokerEnv(upstream, { REDIS_URL: redis.url, TOKEN_CACHE_KEY_FILE: keyFile() }),
    );
    const caller = await as("reuse-caller");
    const first = await mintAs(a, caller);
    const second = await mintAs(b, caller);
    expect(first).toMatchObject({ reused: false });
    expect(second).toEqual({ token: first.token, reused: true });
    expect(upstream.count(MINTS)).toBe(1);

    // Another scope set, or another caller of the same customer: minted anew.
    const wider = await mintAs(b, caller, {
      customerGuid: GUID,
      scopes: ["CUSTOMERS_READ", "ACCOUNTS_READ"],
    });
    expect(wider).toMatchObject({ reused: false });
    expect(await mintAs(a, await as("another-caller"))).toMatchObject({ reused: false });
    // The scope set is a set: its order changes nothing.
    expect(
      await mintAs(a, caller, { customerGuid: GUID, scopes: ["ACCOUNTS_READ", "CUSTOMERS_READ"] }),
    ).toEqual({ token: wider.token, reused: true });
    expect(upstream.count(MINTS)).toBe(3);

    // At rest: every key and value in Redis, read back raw.
    const reader = new Redis(redis.url);
    try {
      const keys = await reader.keys("*");
      const cached = keys.filter((name) => name.startsWith("tokengate:token-cache:"));
      expect(cached).toHaveLength(3);
      const values = await Promise.all(
        keys.map(async (name) =>
          (await reader.type(name)) === "string"
            ? ((await reader.getBuffer(name)) ?? Buffer.alloc(0))
            : Buffer.from(JSON.stringify(await reader.zrange(name, 0, -1))),
        ),
      );
      const everything = Buffer.concat([Buffer.from(keys.join("\n")), ...values]);
      const text = everything.toString("latin1");
      for (const secret of [
        String(first.token),
        String(wider.token),
        String(first.token).split(".")[1] as string,
        GUID,
        "reuse-caller",
        "another-caller",
        caller.authorization?.replace("Bearer ", "") as string,
        "bank-token-",
      ]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      reader.disconnect();
    }
  });

  it("refuses to start when reuse would store tokens in Redis without a key", async () => {
    const upstream = await upstreamOf();
    const redis = await redisServer();
    const started = runGateway(brokerEnv(upstream, { REDIS_URL: redis.url }));
    await expect(started.ready).rejects.toThrow(
      /TOKEN_REUSE with REDIS_URL needs TOKEN_CACHE_KEY_FILE/,
    );
  });
});

describe("token reuse in one gateway", () => {
  it("runs policy, caller limits and validation on a reused answer as on a fresh one", async () => {
    const upstream = await upstreamOf();
    const gateway = await startGateway(
      upstream.url,
      brokerEnv(upstream, { RATE_LIMIT_MINTS_PER_MINUTE: "3" }),
    );
    await ready(gateway);
    const caller = await as("policy-caller");
    expect(await mintAs(gateway, caller)).toMatchObject({ reused: false });
    expect(await mintAs(gateway, caller)).toMatchObject({ reused: true });
    // The same caller, now holding a token for another customer: the policy refuses before any lookup.
    expect(await mintAs(gateway, await as("policy-caller", OTHER_GUID))).toEqual({
      code: "FORBIDDEN",
    });
    // A scope the policy does not allow, even beside one cached.
    expect(
      await mintAs(gateway, caller, { customerGuid: GUID, scopes: ["CUSTOMERS_WRITE"] }),
    ).toEqual({ code: "FORBIDDEN" });
    // Bad input is refused by validation whatever is cached.
    expect(
      await mintAs(gateway, caller, {
        customerGuid: GUID,
        scopes: ["CUSTOMERS_READ"],
        ipAllowlist: ["10.0.0.1"],
      }),
    ).toEqual({ code: "BAD_USER_INPUT" });
    // The caller limit counts reused answers: the third counted mint is its last.
    expect(await mintAs(gateway, caller)).toMatchObject({ reused: true });
    expect(await mintAs(gateway, caller)).toEqual({ code: "RATE_LIMITED" });
    expect(upstream.count(MINTS)).toBe(1);
  });

  it("sends one upstream call for identical mints in flight at once (single flight)", async () => {
    const upstream = await upstreamOf({ ...ROOMY, mintDelayMs: 300 });
    const gateway = await startGateway(upstream.url, brokerEnv(upstream));
    await ready(gateway);
    const caller = await as("flight-caller");
    const answers = await Promise.all(Array.from({ length: 20 }, () => mintAs(gateway, caller)));
    expect(upstream.count(MINTS)).toBe(1);
    expect(new Set(answers.map((answer) => answer.token)).size).toBe(1);
    expect(answers.filter((answer) => answer.reused === false)).toHaveLength(1);
  });

  it("mints anew once a token has less than TOKEN_REUSE_MIN_REMAINING_S left", async () => {
    // Tokens live 1 800 s; asking for 1 799 left makes a token reusable for one second.
    const upstream = await upstreamOf();
    const gateway = await startGateway(
      upstream.url,
      brokerEnv(upstream, { TOKEN_REUSE_MIN_REMAINING_S: "1799" }),
    );
    await ready(gateway);
    const caller = await as("lifetime-caller");
    const first = await mintAs(gateway, caller);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const later = await mintAs(gateway, caller);
    expect(later.reused).toBe(false);
    expect(later.token).not.toBe(first.token);
    expect(upstream.count(MINTS)).toBe(2);
  });

  it("in passthrough mode, keys by a digest of the bank bearer: another bearer never gets the token", async () => {
    const upstream = await upstreamOf();
    const gateway = await startGateway(upstream.url, { TOKEN_REUSE: "on" });
    const bank = { authorization: "Bearer bank-one-token-abc" };
    const first = await mintAs(gateway, bank);
    expect(await mintAs(gateway, bank)).toEqual({ token: first.token, reused: true });
    expect(await mintAs(gateway, { authorization: "Bearer bank-two-token-def" })).toMatchObject({
      reused: false,
    });
    expect(upstream.count(MINTS)).toBe(2);
  });

  it("is off by default in passthrough mode", async () => {
    const upstream = await upstreamOf();
    const gateway = await startGateway(upstream.url);
    const bank = { authorization: "Bearer bank-one-token-abc" };
    await mintAs(gateway, bank);
    expect(await mintAs(gateway, bank)).toMatchObject({ reused: false });
    expect(upstream.count(MINTS)).toBe(2);
  });
});
