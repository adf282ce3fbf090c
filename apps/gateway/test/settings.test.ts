import { describe, expect, expectTypeOf, it } from "vitest";
import { readSettings } from "../src/config/read-settings.js";
import {
  type MisfitDefault,
  SETTINGS,
  type Setting,
  type SettingName,
} from "../src/config/settings.js";
import { loadConfig } from "../src/index.js";

const rows = Object.entries(SETTINGS) as [string, Setting<unknown>][];
const inMode = (mode: Setting<unknown>["mode"]) => rows.filter(([, row]) => row.mode === mode);
const problemsOf = (env: NodeJS.ProcessEnv) => {
  const result = loadConfig(env);
  return result.ok ? [] : result.problems;
};

// In production: HOST's example, a network address, is refused outside it (network-exposure.test.ts).
const PASSTHROUGH = { IDP_BASE_URL: "sandbox", NODE_ENV: "production" };
/** Broker mode with every required setting at its example. */
const BROKER = Object.fromEntries(
  rows
    .filter(([name, row]) => row.required || name === "IDP_CLIENT_SECRET")
    .map(([name, row]) => [name, row.example]),
);
/**
 * What a row's example needs beside it in broker mode, where token reuse is
 * on by default: through Redis it needs a readable key file, which an
 * example path is not (upstream-config.test.ts covers the key).
 */
const BESIDE: Record<string, NodeJS.ProcessEnv> = {
  REDIS_URL: { TOKEN_REUSE: "off" },
  TOKEN_CACHE_KEY_FILE: { TOKEN_REUSE: "off" },
};
/** A row's example, with the example of the setting it needs. */
const withExample = (name: string, row: Setting<unknown>) => ({
  ...BESIDE[name],
  [name]: row.example,
  ...(row.needs && { [row.needs]: SETTINGS[row.needs as keyof typeof SETTINGS].example }),
});

describe("the settings table", () => {
  it("gives every row a default its parser could give (checked by pnpm typecheck)", () => {
    type Misfits = { [N in SettingName]: MisfitDefault<(typeof SETTINGS)[N]> }[SettingName];
    expectTypeOf<Misfits>().toEqualTypeOf<never>();
  });

  it("starts broker mode from its required rows and examples alone", () => {
    expect(loadConfig(BROKER)).toMatchObject({
      ok: true,
      config: { broker: { clientId: "bank-client-id" } },
    });
  });

  it.each(inMode("both"))("accepts %s's example in passthrough and in broker mode", (name, row) => {
    expect(problemsOf({ ...PASSTHROUGH, ...withExample(name, row) })).toEqual([]);
    expect(problemsOf({ ...BROKER, NODE_ENV: "production", ...withExample(name, row) })).toEqual(
      [],
    );
  });

  it.each(inMode("broker").filter(([, row]) => !row.turnsOnBroker))(
    "accepts %s's example in broker mode and refuses it without client credentials",
    (name, row) => {
      expect(problemsOf({ ...BROKER, [name]: row.example })).toEqual([]);
      expect(problemsOf({ ...PASSTHROUGH, [name]: row.example })).toEqual([
        `${name} need IDP_CLIENT_ID and IDP_CLIENT_SECRET (broker mode)`,
      ]);
    },
  );

  it.each(rows.filter(([, row]) => row.turnsOnBroker))(
    "turns broker mode on with %s, never passthrough",
    (name, row) => {
      const result = loadConfig({ ...PASSTHROUGH, [name]: row.example });
      expect(result.ok && result.config.broker).not.toBe(null);
      expect(result.ok ? [] : result.problems).not.toEqual([]);
    },
  );

  it.each(rows.filter(([, row]) => row.required))("refuses to start without %s", (name, row) => {
    const env: NodeJS.ProcessEnv = { ...(row.mode === "broker" ? BROKER : PASSTHROUGH) };
    delete env[name];
    expect(problemsOf(env).join("\n")).toMatch(new RegExp(`^${name} is required`, "m"));
  });

  it.each(rows.filter(([, row]) => row.needs))(
    "refuses %s without the setting it needs",
    (name, row) => {
      expect(problemsOf({ ...PASSTHROUGH, [name]: row.example })).toEqual([
        `${name} needs ${row.needs}`,
      ]);
    },
  );

  it.each(rows.filter(([, row]) => row.secret))("never quotes %s in a problem", (name) => {
    const value = "not-a-valid-value pa55word";
    const problems = problemsOf({ ...BROKER, [name]: value }).join("\n");
    expect(problems).not.toContain("pa55word");
  });

  it.each(rows.filter(([, row]) => row.default !== undefined))(
    "gives %s its default when unset or empty",
    (name, row) => {
      for (const value of [undefined, ""])
        expect(readSettings({ ...BROKER, [name]: value }).values).toHaveProperty(
          [name],
          row.default,
        );
    },
  );
});
