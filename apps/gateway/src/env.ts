/** A whole number setting from `min` to `max`; `fallback` when unset; a problem is recorded otherwise. */
export function integerSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    problems.push(
      `${name} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}`,
    );
    return fallback;
  }
  return value;
}
