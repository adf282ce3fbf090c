import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/index.js";

const PASSTHROUGH = { IDP_BASE_URL: "sandbox" };
const BROKER = {
  IDP_BASE_URL: "sandbox",
  IDP_CLIENT_ID: "bank-client",
  IDP_CLIENT_SECRET: "s3cr3t-client-secret",
  AUTH_JWKS_URL: "https://auth.example/.well-known/jwks.json",
  AUTH_ISSUER: "https://auth.example",
  AUTH_AUDIENCE: "tokengate",
};
const REDIS = { REDIS_URL: "redis://127.0.0.1:6379" };

function keyFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "tokengate-key-")), "key");
  writeFileSync(path, content);
  return path;
}
const HEX_KEY = "a".repeat(64);

describe("the upstream budget's settings", () => {
  it("reads the limits and the window; 0 turns a limit off", () => {
    const result = loadConfig({
      ...PASSTHROUGH,
      UPSTREAM_MINT_LIMIT: "0",
      UPSTREAM_TOKEN_LIMIT: "5",
      UPSTREAM_LIMIT_WINDOW_S: "10",
    });
    expect(result.ok && result.config.upstream.budget).toEqual({
      mintLimit: 0,
      tokenLimit: 5,
      windowSeconds: 10,
    });
  });

  it("takes REDIS_URL in passthrough mode too: the budget is the egress IP's, whatever the mode", () => {
    const result = loadConfig({ ...PASSTHROUGH, ...REDIS });
    expect(result.ok && result.config.redisUrl).toBe("redis://127.0.0.1:6379");
  });
});

describe("token reuse's settings", () => {
  it.each([
    ["broker mode", BROKER, { minRemainingSeconds: 1_200, key: null, keyFile: null }],
    ["passthrough mode", PASSTHROUGH, null],
    [
      "passthrough with TOKEN_REUSE=on",
      { ...PASSTHROUGH, TOKEN_REUSE: "on" },
      { minRemainingSeconds: 1_200, key: null, keyFile: null },
    ],
    ["broker with TOKEN_REUSE=off", { ...BROKER, TOKEN_REUSE: "off" }, null],
    [
      "a minimum remaining time",
      { ...BROKER, TOKEN_REUSE_MIN_REMAINING_S: "60" },
      { minRemainingSeconds: 60, key: null, keyFile: null },
    ],
  ])("in %s", (_name, env, reuse) => {
    const result = loadConfig(env);
    expect(result.ok && result.config.upstream.reuse).toEqual(reuse);
  });

  it.each([
    ["64 hex digits", `${HEX_KEY}\n`],
    ["base64", `${Buffer.alloc(32, 7).toString("base64")}\n`],
  ])("reads a key written as %s", (_name, content) => {
    const result = loadConfig({ ...BROKER, ...REDIS, TOKEN_CACHE_KEY_FILE: keyFile(content) });
    expect(result.ok && result.config.upstream.reuse?.key?.length).toBe(32);
  });

  it.each([
    [
      "reuse through Redis without a key",
      { ...BROKER, ...REDIS },
      /TOKEN_REUSE with REDIS_URL needs TOKEN_CACHE_KEY_FILE/,
    ],
    [
      "a key of the wrong size",
      { ...BROKER, TOKEN_CACHE_KEY_FILE: keyFile("c2hvcnQ=") },
      /TOKEN_CACHE_KEY_FILE must hold a 32-byte key/,
    ],
    [
      "an unreadable key file",
      { ...BROKER, TOKEN_CACHE_KEY_FILE: "/nonexistent/key" },
      /TOKEN_CACHE_KEY_FILE could not be read \(ENOENT\)/,
    ],
    [
      "a switch that is not on or off",
      { ...BROKER, TOKEN_REUSE: "yes" },
      /TOKEN_REUSE must be one of on, off/,
    ],
  ])("refuses %s", (_name, env, message) => {
    const result = loadConfig(env);
    expect(result.ok ? "" : result.problems.join("\n")).toMatch(message);
  });

  it("never puts the key in a problem message", () => {
    const secret = "not-a-key-but-secret-text";
    const result = loadConfig({ ...BROKER, TOKEN_CACHE_KEY_FILE: keyFile(secret) });
    expect(result.ok ? "" : result.problems.join("\n")).not.toContain(secret);
  });
});
