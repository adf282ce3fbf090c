/**
 * Reads the environment against the settings table: parses every row,
 * applies defaults, collects the parsers' warnings, and reports, all at once, what is malformed, what is
 * required and missing, what lacks the setting it needs, and which broker
 * settings are set outside broker mode.
 */
import { SETTINGS, type Setting, type SettingName, type SettingValues } from "./settings.js";

export interface ReadSettings {
  values: SettingValues;
  /** The bank's client credentials are set (some row that `turnsOnBroker`). */
  broker: boolean;
  problems: string[];
  /** Accepted settings the operator should fix (logged at start). */
  warnings: string[];
}

const NAMES = Object.keys(SETTINGS) as SettingName[];

function row(name: SettingName): Setting<unknown> {
  return SETTINGS[name];
}

/** Set means present and not empty: an empty variable is how a deployment unsets one. */
function isSet(env: NodeJS.ProcessEnv, name: string): boolean {
  return Boolean(env[name]);
}

export function readSettings(env: NodeJS.ProcessEnv): ReadSettings {
  const problems: string[] = [];
  const warnings: string[] = [];
  const broker = NAMES.some((name) => row(name).turnsOnBroker && isSet(env, name));
  const values: Record<string, unknown> = {};
  const stray: string[] = [];
  for (const name of NAMES) {
    const setting = row(name);
    const text = env[name];
    values[name] = setting.default;
    if (setting.mode === "broker" && !broker) {
      if (text) stray.push(name);
      continue;
    }
    if (!text) {
      if (setting.required)
        problems.push(
          setting.mode === "broker"
            ? `${name} is required in broker mode`
            : `${name} is required: ${setting.parser.expects}`,
        );
      continue;
    }
    const parsed = setting.parser.parse(text, name);
    if ("problem" in parsed) problems.push(parsed.problem);
    else {
      values[name] = parsed.value;
      if (parsed.warning) warnings.push(parsed.warning);
    }
    if (setting.needs && !isSet(env, setting.needs))
      problems.push(`${name} needs ${setting.needs}`);
  }
  if (stray.length)
    problems.push(`${stray.join(", ")} need IDP_CLIENT_ID and IDP_CLIENT_SECRET (broker mode)`);
  // Every row was visited above, so every name has its value.
  return { values: values as SettingValues, broker, problems, warnings };
}
