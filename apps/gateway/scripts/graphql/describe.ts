/**
 * GraphQL descriptions written from a property's schema: its own
 * description, then its constraints stated in words, so the SDL never
 * restates a bound by hand (and never goes stale when the spec moves it).
 */
import type { FieldContract, Json, JsonObject } from "@tokengate/contract";
import { isObject } from "@tokengate/contract";

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** A YAML block description as one paragraph; wire field names replaced by GraphQL ones. */
export function prose(text: Json | undefined, renames: ReadonlyMap<string, string>): string {
  if (typeof text !== "string") return "";
  let out = text.trim().replace(/\s+/g, " ");
  for (const [wireName, graphqlName] of renames) {
    out = out.replace(new RegExp(`\\b${wireName}\\b`, "g"), graphqlName);
  }
  return out;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "";
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function num(schema: JsonObject, key: string): number | undefined {
  const value = schema[key];
  return typeof value === "number" ? value : undefined;
}

function lengthRule(schema: JsonObject): string | undefined {
  const min = num(schema, "minLength");
  const max = num(schema, "maxLength");
  if (min !== undefined && min === max) return `exactly ${plural(min, "character")}`;
  if (min !== undefined && max !== undefined) return `${min} to ${max} characters`;
  if (min !== undefined) return `at least ${plural(min, "character")}`;
  if (max !== undefined) return `at most ${plural(max, "character")}`;
  return undefined;
}

function rangeRule(schema: JsonObject): string | undefined {
  const min = num(schema, "minimum");
  const max = num(schema, "maximum");
  const above = num(schema, "exclusiveMinimum");
  const below = num(schema, "exclusiveMaximum");
  const parts: string[] = [];
  if (min !== undefined && max !== undefined) parts.push(`from ${min} to ${max}`);
  else if (min !== undefined) parts.push(`at least ${min}`);
  else if (max !== undefined) parts.push(`at most ${max}`);
  if (above !== undefined) parts.push(`more than ${above}`);
  if (below !== undefined) parts.push(`less than ${below}`);
  const multiple = num(schema, "multipleOf");
  if (multiple !== undefined) parts.push(`a multiple of ${multiple}`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/** The rules a value must follow, in words, e.g. `["Exactly 32 characters."]`. */
function valueRules(schema: JsonObject): string[] {
  const rules: string[] = [];
  const length = lengthRule(schema);
  if (length) rules.push(sentence(length));
  const range = rangeRule(schema);
  if (range) rules.push(sentence(range));
  if (typeof schema.pattern === "string" && typeof schema.description !== "string") {
    rules.push(`Must match \`${schema.pattern}\`.`);
  }
  if (typeof schema.format === "string") rules.push(`Format: ${schema.format}.`);
  const minItems = num(schema, "minItems");
  const maxItems = num(schema, "maxItems");
  if (minItems !== undefined && minItems > 0) rules.push(`At least ${plural(minItems, "item")}.`);
  if (maxItems !== undefined) rules.push(`At most ${plural(maxItems, "item")}.`);
  if (schema.uniqueItems === true) rules.push("No item may repeat.");
  return rules;
}

function itemRules(schema: JsonObject): string[] {
  const items = schema.items;
  if (!isObject(items) || Array.isArray(items.enum)) return [];
  const described = typeof items.description === "string" ? items.description : "";
  const rules = [...(described ? [sentence(described)] : []), ...valueRules(items)];
  if (rules.length === 0) return [];
  const [first = "", ...rest] = rules;
  return [`Each item: ${first.charAt(0).toLowerCase()}${first.slice(1)}`, ...rest];
}

/** The description of an input field: the spec's words, its rules, and what leaving it out means. */
export function inputFieldDescription(
  field: FieldContract,
  renames: ReadonlyMap<string, string>,
): string {
  const { schema } = field;
  const parts = [sentence(prose(schema.description, renames)), ...valueRules(schema)];
  parts.push(...itemRules(schema));
  if (!field.required) {
    const fallback =
      schema.default === undefined
        ? ""
        : ` (the upstream default is ${JSON.stringify(schema.default)})`;
    parts.push(`Omitted or null: not sent${fallback}.`);
  }
  return parts.filter(Boolean).join(" ");
}

/** The description of an output field that comes from the upstream's answer. */
export function outputFieldDescription(
  field: FieldContract,
  renames: ReadonlyMap<string, string>,
): string {
  return sentence(prose(field.schema.description, renames));
}
