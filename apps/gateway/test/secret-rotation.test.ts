/**
 * Rotation without a restart: `IDP_CLIENT_SECRET_FILE` and
 * `TOKEN_CACHE_KEY_FILE` replaced the way a Kubernetes secret volume
 * replaces them (a new folder, then the `..data` link swapped), through the
 * gateway as deployed (`buildApp`, a socket), in front of a real local
 * token endpoint that revokes the old secret as soon as it sees the new
 * one, and a real Redis.
 */
import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FaultServer, sendJson, startFaultServer, startRedis } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerSettings } from "./support/broker-upstream.js";
import {
  callerToken,
  newSigningKey,
  type SigningKey,
  startJwksServer,
} from "./support/caller-tokens.js";
import { GUID, mint, post, startGateway, type TestGateway } from "./support/gateway.js";

const OLD_SECRET = "old-client-secret-5e6f7a";
const NEW_SECRET = "new-client-secret-8b9c0d";
/** Bank tokens live 2 s, so the gateway asks for one about every second (half their life). */
const BANK_TOKEN_SECONDS = 2;

/**
 * A secret volume as Kubernetes mounts one: `<dir>/idp-client-secret` links
 * to `..data/idp-client-secret`, and `..data` to a timestamped folder that an
 * update replaces by swapping the link atomically.
 */
function secretVolume(
  initial: string,
  file = "idp-client-secret",
): { path: string; write(secret: string): void } {
  const dir = mkdtempSync(join(tmpdir(), "tokengate-secret-"));
  let version = 0;
  const write = (secret: string) => {
    version += 1;
    const folder = `..${version}`;
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, file), `${secret}\n`);
    symlinkSync(folder, join(dir, "..data_tmp"));
    renameSync(join(dir, "..data_tmp"), join(dir, "..data"));
  };
  write(initial);
  symlinkSync(join("..data", file), join(dir, file));
  return { path: join(dir, file), write };
}

/** The token endpoint: which secret each request carried; the old one is revoked once the new one is used. */
interface TokenEndpoint {
  sent: string[];
  accepted: Set<string>;
}

let key: SigningKey;
let jwks: Awaited<ReturnType<typeof startJwksServer>>;
let upstream: FaultServer;
let admin: string;
const endpoint: TokenEndpoint = { sent: [], accepted: new Set() };
const issued = new Set<string>();
/** The bank token each mint came with, in order. */
const mintedWith: string[] = [];
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

beforeAll(async () => {
  key = await newSigningKey("key-1");
  jwks = await startJwksServer([key]);
  upstream = await startFaultServer((request, response, body) => {
    if (request.url === "/oauth/token") {
      const secret = String(JSON.parse(body).client_secret);
      endpoint.sent.push(secret);
      if (!endpoint.accepted.has(secret)) {
        sendJson(response, 401, { error: "invalid_client" });
        return;
      }
      // The bank rotated: the old secret stops working once the new one is in use.
      if (secret === NEW_SECRET) endpoint.accepted.delete(OLD_SECRET);
      const token = `bank-token-${issued.size + 1}-for-${secret.slice(0, 3)}`;
      issued.add(token);
      sendJson(response, 200, {
        access_token: token,
        token_type: "Bearer",
        expires_in: BANK_TOKEN_SECONDS,
      });
      return;
    }
    const bearer = String(request.headers.authorization).replace("Bearer ", "");
    if (!issued.has(bearer)) {
      sendJson(response, 401, { status: 401, error_message: "no", message_code: "unauthorized" });
      return;
    }
    mintedWith.push(bearer);
    // A JWT with half an hour left, so that token reuse keeps it.
    const exp = Math.floor(Date.now() / 1000) + 1_800;
    sendJson(response, 201, {
      access_token: `${part({ alg: "RS256" })}.${part({ exp, n: mintedWith.length })}.signature`,
    });
  });
  admin = await callerToken(
    key,
    { sub: "admin-1", scope: "tokengate:admin" },
    { expiresIn: "10m" },
  );
});
afterAll(async () => {
  await jwks.close();
  await upstream.close();
});

async function gatewayWithSecretFile(path: string): Promise<TestGateway> {
  const { IDP_CLIENT_SECRET: _fromFile, ...settings } = brokerSettings(upstream.url, jwks.url);
  return startGateway(upstream.url, {
    ...settings,
    IDP_CLIENT_SECRET_FILE: path,
    // A caller key rotated a second after start is fetched at once.
    AUTH_JWKS_COOLDOWN_MS: "500",
    // Every mint goes upstream, uncounted: the load is the test's, not the budget's.
    TOKEN_REUSE: "off",
    UPSTREAM_MINT_LIMIT: "0",
    RATE_LIMIT_MINTS_PER_MINUTE: "0",
  });
}

const mintOnce = (gateway: TestGateway, caller = admin) =>
  mint(
    gateway,
    { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] },
    {
      authorization: `Bearer ${caller}`,
    },
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("IDP_CLIENT_SECRET_FILE rotated without a restart", () => {
  it("is picked up under load, with the callers' signing key rotated too: no mint fails, and the token endpoint gets the new secret", async () => {
    endpoint.sent = [];
    endpoint.accepted = new Set([OLD_SECRET]);
    const volume = secretVolume(OLD_SECRET);
    const gateway = await gatewayWithSecretFile(volume.path);
    const nextKey = await newSigningKey("key-2");
    const nextAdmin = await callerToken(nextKey, { sub: "admin-1", scope: "tokengate:admin" });

    const answers: boolean[] = [];
    let running = true;
    let signed = admin;
    // Eight callers minting back to back on loopback, at most 300 mints each.
    const callers = Array.from({ length: 8 }, async () => {
      for (let n = 0; running && n < 300; n += 1) {
        const { body } = await mintOnce(gateway, signed);
        answers.push(body.errors === undefined);
      }
    });
    await sleep(1_200);
    // The bank adds the new secret, then the volume is updated; meanwhile
    // the identity provider publishes a new key and signs with it.
    endpoint.accepted.add(NEW_SECRET);
    volume.write(NEW_SECRET);
    jwks.publish([key, nextKey]);
    signed = nextAdmin;
    await sleep(2_500);
    running = false;
    await Promise.all(callers);

    expect(answers.filter((ok) => !ok)).toEqual([]);
    expect(answers.length).toBeGreaterThan(100);
    const firstNew = endpoint.sent.indexOf(NEW_SECRET);
    expect(firstNew).toBeGreaterThan(0);
    // From the first request with the new secret on, never the old one again.
    expect(new Set(endpoint.sent.slice(firstNew))).toEqual(new Set([NEW_SECRET]));
    expect(mintedWith.at(-1)).toMatch(/-for-new$/);
    expect(gateway.logs.join("\n")).toContain("secret file changed; new value in use");
    expect(gateway.logs.join("\n")).not.toContain(NEW_SECRET);
  });

  it.each([
    ["empty", ""],
    ["too short to scrub from logs", "s3cr3t"],
  ])(
    "keeps the old secret when the new file is %s, with an error that does not quote it",
    async (_name, bad) => {
      endpoint.sent = [];
      endpoint.accepted = new Set([OLD_SECRET]);
      const volume = secretVolume(OLD_SECRET);
      const gateway = await gatewayWithSecretFile(volume.path);
      expect((await mintOnce(gateway)).body.errors).toBeUndefined();

      volume.write(bad);
      await sleep(1_500);
      // The first bank token has expired meanwhile: this mint needs a new one.
      expect((await mintOnce(gateway)).body.errors).toBeUndefined();
      expect(endpoint.sent.length).toBeGreaterThan(1);
      expect(new Set(endpoint.sent)).toEqual(new Set([OLD_SECRET]));
      const errors = gateway.logs.filter((line) => line.includes("secret file not used"));
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]).toContain("IDP_CLIENT_SECRET_FILE");
      if (bad) expect(errors.join("\n")).not.toContain(bad);

      // A good file after a bad one is picked up.
      endpoint.accepted.add(NEW_SECRET);
      volume.write(NEW_SECRET);
      await sleep(1_500);
      expect((await mintOnce(gateway)).body.errors).toBeUndefined();
      expect(endpoint.sent.at(-1)).toBe(NEW_SECRET);
    },
  );
});

describe("TOKEN_CACHE_KEY_FILE rotated without a restart", () => {
  const REUSED = /* GraphQL */ `
    mutation Mint($input: CreateCustomerTokenInput!) { createCustomerToken(input: $input) { reused } }
  `;

  it("stores tokens under the new key from then on; a bad key file keeps the old key", async () => {
    endpoint.accepted = new Set([OLD_SECRET]);
    const redis = await startRedis();
    try {
      const volume = secretVolume("5e".repeat(32), "token-cache-key");
      const gateway = await startGateway(upstream.url, {
        ...brokerSettings(upstream.url, jwks.url),
        IDP_CLIENT_SECRET: OLD_SECRET,
        REDIS_URL: redis.url,
        TOKEN_CACHE_KEY_FILE: volume.path,
      });
      const reused = async () => {
        const { body } = await post(
          gateway,
          {
            query: REUSED,
            variables: { input: { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] } },
          },
          { authorization: `Bearer ${admin}` },
        );
        expect(body.errors).toBeUndefined();
        return body.data?.createCustomerToken?.reused;
      };
      expect([await reused(), await reused()]).toEqual([false, true]);

      volume.write("not a key");
      await sleep(500);
      expect(await reused()).toBe(true);
      const errors = gateway.logs.filter((line) => line.includes("secret file not used"));
      expect(errors.join("\n")).toContain("TOKEN_CACHE_KEY_FILE must hold a 32-byte key");

      volume.write("7a".repeat(32));
      await sleep(500);
      // Stored under the old key, named by it too: a miss, then stored anew.
      expect([await reused(), await reused()]).toEqual([false, true]);
    } finally {
      await redis.stop();
    }
  });
});
