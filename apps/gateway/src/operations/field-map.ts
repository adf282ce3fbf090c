/** GraphQL field name → wire field name, as generated from the spec (`src/generated/operations/`). */
export type FieldMap = Readonly<Record<string, string>>;

/**
 * The wire body for a GraphQL input: every mapped field under its wire name.
 * `null` (GraphQL's "no value") is dropped, so an optional field is sent only
 * when given; `false`, `0` and `[]` are kept.
 */
export type WireBody<Map extends FieldMap, Input> = {
  [Key in keyof Input as Key extends keyof Map ? Map[Key] : never]: Exclude<Input[Key], null>;
};

/** Builds the upstream body from a GraphQL input with the generated field map. */
export function toWire<Map extends FieldMap, Input extends object>(
  map: Map,
  input: Input,
): WireBody<Map, Input> {
  const body: Record<string, unknown> = {};
  for (const [graphqlName, wireName] of Object.entries(map)) {
    const value: unknown = (input as Record<string, unknown>)[graphqlName];
    if (value !== null && value !== undefined) body[wireName] = value;
  }
  return body as WireBody<Map, Input>;
}

/** `["ip_allowlist", 1]` → `["ipAllowlist", 1]`: a wire path in the caller's GraphQL names. */
export function graphqlPath(
  map: FieldMap,
  path: readonly (string | number)[],
): (string | number)[] {
  const [first, ...rest] = path;
  if (typeof first !== "string") return [...path];
  const graphqlName = Object.keys(map).find((name) => map[name] === first);
  return [graphqlName ?? first, ...rest];
}
