import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/index.js";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    expect(loadConfig({ IDP_BASE_URL: "sandbox" })).toEqual({
      ok: true,
      config: {
        port: 4000,
        host: "127.0.0.1",
        idpBaseUrl: "https://id.sandbox.cybrid.app",
        idpTimeoutMs: 10_000,
        production: false,
        logLevel: "info",
      },
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
