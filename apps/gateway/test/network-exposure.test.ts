import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/index.js";

const UPSTREAM = { IDP_BASE_URL: "http://127.0.0.1:4010" };
const REFUSED =
  /HOST=.* is not a loopback address, and without NODE_ENV=production the gateway would serve GraphiQL and introspection/;

describe("a development gateway on the network (GraphiQL and introspection)", () => {
  it.each([
    ["the default host", {}],
    ["127.0.0.1", { HOST: "127.0.0.1" }],
    ["another 127/8 address", { HOST: "127.0.0.2" }],
    ["localhost", { HOST: "localhost" }],
    ["::1", { HOST: "::1" }],
    ["0.0.0.0 in production", { HOST: "0.0.0.0", NODE_ENV: "production" }],
    [
      "0.0.0.0 when asked for on purpose",
      { HOST: "0.0.0.0", ALLOW_DEVELOPMENT_ON_NETWORK: "true" },
    ],
  ])("starts on %s", (_name, env) => {
    expect(loadConfig({ ...UPSTREAM, ...env })).toMatchObject({ ok: true });
  });

  it.each([
    ["0.0.0.0", { HOST: "0.0.0.0" }],
    ["::", { HOST: "::" }],
    ["a private address", { HOST: "10.0.0.5" }],
    ["0.0.0.0 with NODE_ENV=development", { HOST: "0.0.0.0", NODE_ENV: "development" }],
    ["0.0.0.0 with the setting false", { HOST: "0.0.0.0", ALLOW_DEVELOPMENT_ON_NETWORK: "false" }],
  ])("refuses to start on %s outside production, naming both ways out", (_name, env) => {
    const result = loadConfig({ ...UPSTREAM, ...env });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([expect.stringMatching(REFUSED)]);
    expect(problems[0]).toContain("NODE_ENV=production");
    expect(problems[0]).toContain("ALLOW_DEVELOPMENT_ON_NETWORK=true");
  });

  it("refuses a setting that is neither true nor false", () => {
    expect(loadConfig({ ...UPSTREAM, ALLOW_DEVELOPMENT_ON_NETWORK: "yes" })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^ALLOW_DEVELOPMENT_ON_NETWORK must be one of true, false/)],
    });
  });
});
