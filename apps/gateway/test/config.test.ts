import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/index.js";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    expect(loadConfig({ IDP_BASE_URL: "sandbox" })).toEqual({
      ok: true,
      warnings: [],
      config: {
        port: 4000,
        host: "127.0.0.1",
        idpBaseUrl: "https://id.sandbox.cybrid.app",
        idpTimeoutMs: 10_000,
        idpConnections: 64,
        production: false,
        logLevel: "info",
        broker: null,
        server: {
          headersTimeoutMs: 10_000,
          requestTimeoutMs: 15_000,
          keepAliveTimeoutMs: 5_000,
          maxConnections: 1_000,
          maxConnectionsPerAddress: 256,
        },
        drainGraceMs: 9_000,
        corsOrigins: [],
        metrics: null,
        tracing: false,
        redisUrl: null,
        upstream: {
          // The spec's published limits (x-tokengate-rate-limit); reuse off in passthrough.
          budget: { mintLimit: 200, tokenLimit: 20, windowSeconds: 300 },
          reuse: null,
        },
        audit: { to: "stdout" },
        // Passthrough: the caller holds the bank's own token.
        trustedDocuments: false,
      },
    });
  });

  it.each([
    ["METRICS_PORT alone", { METRICS_PORT: "9464" }, { host: "127.0.0.1", port: 9464 }],
    [
      "METRICS_PORT and METRICS_HOST",
      { METRICS_PORT: "9464", METRICS_HOST: "10.0.0.5" },
      { host: "10.0.0.5", port: 9464 },
    ],
  ])("serves metrics with %s", (_name, env, metrics) => {
    expect(loadConfig({ IDP_BASE_URL: "sandbox", ...env })).toMatchObject({
      ok: true,
      config: { metrics },
    });
  });

  it.each([
    ["no OTEL_* setting", {}, false],
    ["OTEL_EXPORTER_OTLP_ENDPOINT", { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }, true],
    [
      "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://127.0.0.1:4318/v1/traces" },
      true,
    ],
    ["OTEL_TRACES_EXPORTER=console", { OTEL_TRACES_EXPORTER: "console" }, true],
    ["OTEL_TRACES_EXPORTER=none", { OTEL_TRACES_EXPORTER: "none" }, false],
    [
      "OTEL_SDK_DISABLED=true",
      { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_SDK_DISABLED: "true" },
      false,
    ],
  ])("turns tracing on or off with %s", (_name, env, tracing) => {
    expect(loadConfig({ IDP_BASE_URL: "sandbox", ...env })).toMatchObject({
      ok: true,
      config: { tracing },
    });
  });

  it("reads every setting", () => {
    const result = loadConfig({
      IDP_BASE_URL: "http://127.0.0.1:4010/",
      PORT: "8080",
      HOST: "0.0.0.0",
      IDP_TIMEOUT_MS: "2500",
      NODE_ENV: "production",
      LOG_LEVEL: "debug",
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        idpBaseUrl: "http://127.0.0.1:4010",
        port: 8080,
        host: "0.0.0.0",
        idpTimeoutMs: 2500,
        production: true,
        logLevel: "debug",
      },
    });
  });

  it.each([
    ["a missing IDP_BASE_URL", {}, /IDP_BASE_URL is required/],
    [
      "an unknown IDP_BASE_URL alias",
      { IDP_BASE_URL: "staging" },
      /IDP_BASE_URL: baseUrl must be "sandbox", "production"/,
    ],
    [
      "a non-http IDP_BASE_URL",
      { IDP_BASE_URL: "ftp://x" },
      /IDP_BASE_URL: baseUrl must use http or https/,
    ],
    [
      "a PORT out of range",
      { IDP_BASE_URL: "sandbox", PORT: "70000" },
      /PORT must be a whole number from 0 to 65535/,
    ],
    [
      "a non-numeric IDP_TIMEOUT_MS",
      { IDP_BASE_URL: "sandbox", IDP_TIMEOUT_MS: "10s" },
      /IDP_TIMEOUT_MS must be a whole number/,
    ],
    [
      "a METRICS_PORT out of range",
      { IDP_BASE_URL: "sandbox", METRICS_PORT: "65536" },
      /METRICS_PORT must be a whole number from 0 to 65535/,
    ],
    [
      "metrics on the GraphQL port",
      { IDP_BASE_URL: "sandbox", PORT: "4000", METRICS_PORT: "4000" },
      /METRICS_PORT must differ from PORT/,
    ],
    [
      "METRICS_HOST without METRICS_PORT",
      { IDP_BASE_URL: "sandbox", METRICS_HOST: "0.0.0.0" },
      /METRICS_HOST needs METRICS_PORT/,
    ],
    [
      "an unknown LOG_LEVEL",
      { IDP_BASE_URL: "sandbox", LOG_LEVEL: "loud" },
      /LOG_LEVEL must be one of .*debug/,
    ],
  ])("refuses %s with a message naming the setting", (_name, env, message) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.problems.join("\n")).toMatch(message);
  });

  it("reports every problem at once", () => {
    const result = loadConfig({ PORT: "x", LOG_LEVEL: "loud" });
    expect(result.ok ? [] : result.problems).toHaveLength(3);
  });
});

describe("loadConfig in broker mode", () => {
  const BROKER = {
    IDP_BASE_URL: "sandbox",
    IDP_CLIENT_ID: "bank-client",
    IDP_CLIENT_SECRET: "s3cr3t-c1ient",
    AUTH_JWKS_URL: "https://auth.example/.well-known/jwks.json",
    AUTH_ISSUER: "https://auth.example/",
    AUTH_AUDIENCE: "tokengate",
  };

  it("turns on with client credentials and reads the auth settings, read-only scopes by default", () => {
    const result = loadConfig(BROKER);
    expect(result.ok && result.config.broker).toMatchObject({
      clientId: "bank-client",
      clientSecret: "s3cr3t-c1ient",
      tokenScopes: ["customers:read", "customers:write"],
      auth: { customerClaim: "customer_guid", adminScope: null, algorithms: ["RS256", "ES256"] },
    });
    expect(result.ok && result.config.broker?.rateLimit).toEqual({
      mintsPerMinute: 60,
    });
    const allowed = result.ok ? (result.config.broker?.auth.allowedScopes ?? []) : [];
    expect(allowed).toContain("accounts:read");
    expect(allowed.every((scope) => scope.endsWith(":read") && !scope.includes("pii"))).toBe(true);
  });

  it.each([
    ["broker mode, by default", BROKER, true],
    ["broker mode with TRUSTED_DOCUMENTS=off", { ...BROKER, TRUSTED_DOCUMENTS: "off" }, false],
    ["passthrough, by default", { IDP_BASE_URL: "sandbox" }, false],
    [
      "passthrough with TRUSTED_DOCUMENTS=required",
      { IDP_BASE_URL: "sandbox", TRUSTED_DOCUMENTS: "required" },
      true,
    ],
  ])("runs only trusted documents or any document: %s", (_name, env, trustedDocuments) => {
    expect(loadConfig(env)).toMatchObject({ ok: true, config: { trustedDocuments } });
  });

  it("refuses a TRUSTED_DOCUMENTS that is neither required nor off, naming it", () => {
    const result = loadConfig({ ...BROKER, TRUSTED_DOCUMENTS: "yes" });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^TRUSTED_DOCUMENTS .*required, off/),
    ]);
  });

  it("reads the rate limit and where its counters are shared", () => {
    const result = loadConfig({
      ...BROKER,
      RATE_LIMIT_MINTS_PER_MINUTE: "0",
      REDIS_URL: "rediss://:pa55word@redis.internal:6380/2",
      TOKEN_REUSE: "off",
    });
    expect(result.ok && result.config.broker?.rateLimit).toEqual({
      mintsPerMinute: 0,
    });
    expect(result.ok && result.config.redisUrl).toBe("rediss://:pa55word@redis.internal:6380/2");
  });

  it("refuses to start without the caller-authentication settings", () => {
    const result = loadConfig({
      IDP_BASE_URL: "sandbox",
      IDP_CLIENT_ID: "bank-client",
      IDP_CLIENT_SECRET: "s3cr3t-c1ient",
    });
    expect(result.ok ? [] : result.problems).toEqual([
      "AUTH_JWKS_URL is required in broker mode",
      "AUTH_ISSUER is required in broker mode",
      "AUTH_AUDIENCE is required in broker mode",
    ]);
  });

  it.each([
    ["a secret without a client id", { ...BROKER, IDP_CLIENT_ID: "" }, /IDP_CLIENT_ID is required/],
    [
      "an unreadable secret file",
      { ...BROKER, IDP_CLIENT_SECRET: "", IDP_CLIENT_SECRET_FILE: "/nonexistent/secret" },
      /IDP_CLIENT_SECRET_FILE could not be read \(ENOENT\)/,
    ],
    [
      "a client secret too short to be scrubbed from logs",
      { ...BROKER, IDP_CLIENT_SECRET: "shh1234" },
      /the client secret must be at least 8 characters long/,
    ],
    [
      "both a client secret and a secret file",
      { ...BROKER, IDP_CLIENT_SECRET_FILE: "/run/secrets/idp-client-secret" },
      /IDP_CLIENT_SECRET and IDP_CLIENT_SECRET_FILE are both set; set one/,
    ],
    [
      "HS256 or none among the algorithms",
      { ...BROKER, AUTH_ALGORITHMS: "RS256,HS256,none" },
      /AUTH_ALGORITHMS may list only .*; got HS256, none/,
    ],
    [
      "an unknown allowed scope",
      { ...BROKER, ALLOWED_SCOPES: "customers:read banks:write" },
      /ALLOWED_SCOPES .*: banks:write/,
    ],
    [
      "a JWKS URL that is not https",
      { ...BROKER, AUTH_JWKS_URL: "file:///etc/keys" },
      /AUTH_JWKS_URL must be an https URL/,
    ],
    [
      "a plain-http JWKS off loopback",
      { ...BROKER, AUTH_JWKS_URL: "http://auth.example/jwks.json" },
      /AUTH_JWKS_URL must be an https URL \(http only on loopback\)/,
    ],
    [
      "a plain-http upstream off loopback",
      { ...BROKER, IDP_BASE_URL: "http://idp.example" },
      /IDP_BASE_URL must be an https URL/,
    ],
    [
      "a negative rate limit",
      { ...BROKER, RATE_LIMIT_MINTS_PER_MINUTE: "-1" },
      /RATE_LIMIT_MINTS_PER_MINUTE must be a whole number from 0/,
    ],
    [
      "a REDIS_URL that is not redis:// or rediss://",
      { ...BROKER, REDIS_URL: "http://:pa55word@redis.internal" },
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    ],
    [
      "rate-limit settings without client credentials (passthrough has no caller to limit)",
      {
        IDP_BASE_URL: "sandbox",
        RATE_LIMIT_MINTS_PER_MINUTE: "10",
        REDIS_URL: "redis://127.0.0.1",
      },
      /RATE_LIMIT_MINTS_PER_MINUTE need IDP_CLIENT_ID and IDP_CLIENT_SECRET/,
    ],
    [
      "auth settings without client credentials",
      { IDP_BASE_URL: "sandbox", AUTH_JWKS_URL: "https://auth.example/jwks.json" },
      /AUTH_JWKS_URL need IDP_CLIENT_ID and IDP_CLIENT_SECRET/,
    ],
  ])("refuses %s", (_name, env, message) => {
    const result = loadConfig(env);
    expect(result.ok ? "" : result.problems.join("\n")).toMatch(message);
  });

  it("never puts the secret in a problem message", () => {
    const result = loadConfig({ ...BROKER, AUTH_ISSUER: "" });
    expect(result.ok ? "" : result.problems.join("\n")).not.toContain("s3cr3t-c1ient");
  });

  it("never puts a Redis password in a problem message", () => {
    const result = loadConfig({ ...BROKER, REDIS_URL: "redis//:pa55word@redis.internal" });
    expect(result.ok ? "" : result.problems.join("\n")).not.toContain("pa55word");
  });
});

describe("loadConfig's robustness", () => {
  const BROKER = {
    IDP_BASE_URL: "sandbox",
    IDP_CLIENT_ID: "bank-client",
    AUTH_JWKS_URL: "https://auth.example/.well-known/jwks.json",
    AUTH_ISSUER: "https://auth.example/",
    AUTH_AUDIENCE: "tokengate",
  };
  const secretFile = (mode: number, content = "file-secret-1234\n") => {
    const file = join(mkdtempSync(join(tmpdir(), "tokengate-config-")), "secret");
    writeFileSync(file, content, { mode });
    chmodSync(file, mode);
    return file;
  };
  const KEY = `${"ab".repeat(32)}\n`;
  /** Each secret file setting, with what it needs to be read: reuse through Redis reads the key. */
  const SECRET_FILES: [string, (file: string) => NodeJS.ProcessEnv, string][] = [
    [
      "IDP_CLIENT_SECRET_FILE",
      (file) => ({ ...BROKER, IDP_CLIENT_SECRET_FILE: file }),
      "file-secret-1234\n",
    ],
    [
      "TOKEN_CACHE_KEY_FILE",
      (file) => ({
        ...BROKER,
        IDP_CLIENT_SECRET: "s3cr3t-c1ient",
        REDIS_URL: "redis://redis.internal:6379",
        TOKEN_CACHE_KEY_FILE: file,
      }),
      KEY,
    ],
  ];

  it.each(["production", "Production", "PRODUCTION", " production "])(
    "treats NODE_ENV=%j as production (GraphiQL and introspection off)",
    (value) => {
      const result = loadConfig({ IDP_BASE_URL: "sandbox", NODE_ENV: value });
      expect(result.ok && result.config.production).toBe(true);
    },
  );

  it("refuses a secret file that is a FIFO at once, instead of hanging start-up", () => {
    const fifo = join(mkdtempSync(join(tmpdir(), "tokengate-config-")), "secret.fifo");
    execFileSync("mkfifo", [fifo]);
    const result = loadConfig({ ...BROKER, IDP_CLIENT_SECRET_FILE: fifo });
    expect(result.ok ? "" : result.problems.join("\n")).toContain(
      "IDP_CLIENT_SECRET_FILE must name a regular file",
    );
  });

  it.each(SECRET_FILES)(
    "accepts a world-readable %s with a warning naming the setting and the mode, never the secret",
    (name, envWith, content) => {
      const result = loadConfig(envWith(secretFile(0o644, content)));
      expect(result.ok && result.warnings).toEqual([
        `${name} names a file every user of this machine can read (mode 0644); make it readable by the gateway's user only (0400 or 0440)`,
      ]);
      expect(result.ok && result.warnings.join("\n")).not.toContain(content.trim());
    },
  );

  it.each(SECRET_FILES)(
    "accepts %s readable by owner and group without a warning",
    (_name, envWith, content) => {
      for (const mode of [0o400, 0o440, 0o600, 0o640]) {
        const result = loadConfig(envWith(secretFile(mode, content)));
        expect(result.ok && result.warnings).toEqual([]);
      }
    },
  );

  it("refuses a TOKEN_CACHE_KEY_FILE that is a FIFO at once, instead of hanging start-up", () => {
    const fifo = join(mkdtempSync(join(tmpdir(), "tokengate-config-")), "key.fifo");
    execFileSync("mkfifo", [fifo]);
    const result = loadConfig(SECRET_FILES[1]?.[1](fifo) ?? {});
    expect(result.ok ? "" : result.problems.join("\n")).toContain(
      "TOKEN_CACHE_KEY_FILE must name a regular file",
    );
  });

  it("reads a secret file without the newlines that end it", () => {
    const result = loadConfig({ ...BROKER, IDP_CLIENT_SECRET_FILE: secretFile(0o600) });
    expect(result.ok && result.config.broker?.clientSecret).toBe("file-secret-1234");
  });

  it("refuses a Redis password with a bare % by name, instead of crashing at start", () => {
    const result = loadConfig({
      ...BROKER,
      IDP_CLIENT_SECRET: "s3cr3t-c1ient",
      REDIS_URL: "redis://:pass%word@redis.internal:6379",
    });
    const problems = result.ok ? "" : result.problems.join("\n");
    expect(problems).toContain("REDIS_URL's password must be URL-encoded");
    expect(problems).not.toContain("pass%word");
  });
});
