import type { AnySchemaObject, ErrorObject } from "ajv";

/** One problem with one field of a request, found before anything is sent. */
export interface ValidationIssue {
  /** Where the problem is, in wire names: `["scopes", 2]`. */
  path: (string | number)[];
  /** The path written out: `scopes[2]`, or `body` for the whole request. */
  field: string;
  /** What is wrong, without the field name: `must be exactly 32 characters`. */
  message: string;
}

export type ValidationResult<T> =
  | { ok: true; value: T; issues?: never }
  | { ok: false; value?: never; issues: ValidationIssue[] };

const CHECK_KEYWORD = "x-tokengate-check";

/** A precompiled validator: Ajv's standalone code, generated from the spec. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** `["scopes", 2]` → `scopes[2]`. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "body";
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join("");
}

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split("/")
    .slice(1)
    .map((part) =>
      /^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, "/").replace(/~0/g, "~"),
    );
}

/** Quotes a caller's value for a message, cut short so a huge input stays out of logs. */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeWords(type: unknown, nullable: boolean): string {
  const words = Array.isArray(type) ? type.join(" or ") : String(type);
  const article = /^[aeiou]/.test(words) ? "an" : "a";
  return `must be ${article} ${words}${nullable ? " or null" : ""}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** How many enum values a message lists before it only counts them. */
const LISTED_VALUES = 5;

/** Names the enum's own schema (its component name) and values: `must be a Region, one of "us", "eu"`. */
function enumWords(schema: AnySchemaObject): string {
  const values: unknown[] = Array.isArray(schema.enum) ? schema.enum : [];
  const listed = values.slice(0, LISTED_VALUES).map(quote).join(", ");
  const rest = values.length > LISTED_VALUES ? `, … (${values.length} in all)` : "";
  const title = typeof schema.title === "string" ? schema.title : undefined;
  const what = title ? `a ${title}, one of` : "one of";
  return `must be ${what} ${listed}${rest}`;
}

/** A pattern is explained by the schema's description or format, never by the regex unless there is neither. */
function patternWords(schema: AnySchemaObject): string {
  const described = typeof schema.description === "string" ? schema.description.trim() : "";
  if (described) {
    const phrase = described.replace(/\.$/, "");
    return `must be ${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}`;
  }
  if (typeof schema.format === "string") return `must be a ${schema.format}`;
  return `must match ${schema.pattern}`;
}

function lengthWords(error: ErrorObject, schema: AnySchemaObject): string {
  if (schema.minLength === schema.maxLength) {
    return `must be exactly ${plural(schema.minLength, "character")} (got ${String(error.data).length})`;
  }
  const bound = error.keyword === "minLength" ? "at least" : "at most";
  return `must have ${bound} ${plural(error.params.limit, "character")}`;
}

function rangeWords(error: ErrorObject, schema: AnySchemaObject): string {
  const { minimum, maximum } = schema;
  if (typeof minimum === "number" && typeof maximum === "number") {
    return `must be from ${minimum} to ${maximum} (got ${quote(error.data)})`;
  }
  const bound = {
    minimum: "at least",
    maximum: "at most",
    exclusiveMinimum: "more than",
    exclusiveMaximum: "less than",
  }[error.keyword];
  return `must be ${bound} ${error.params.limit} (got ${quote(error.data)})`;
}

function describe(error: ErrorObject, fields: readonly string[]): ValidationIssue {
  const path = pathOf(error.instancePath);
  const schema: AnySchemaObject = error.parentSchema ?? {};
  let message: string;
  switch (error.keyword) {
    case "required":
      path.push(String(error.params.missingProperty));
      message = "is required";
      break;
    case "additionalProperties": {
      path.push(String(error.params.additionalProperty));
      const known = path.length === 1 ? fields : Object.keys(schema.properties ?? {});
      message = `is not a field of the request (known fields: ${known.join(", ")})`;
      break;
    }
    case "type":
      message = typeWords(error.params.type, schema.nullable === true);
      break;
    case "minLength":
    case "maxLength":
      message = lengthWords(error, schema);
      break;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      message = rangeWords(error, schema);
      break;
    case "multipleOf":
      message = `must be a multiple of ${error.params.multipleOf}`;
      break;
    case "minItems":
      message = `must have at least ${plural(error.params.limit, "item")}`;
      break;
    case "maxItems":
      message = `must have at most ${plural(error.params.limit, "item")}`;
      break;
    case "uniqueItems": {
      const [first, second] = [error.params.i, error.params.j].sort((a, b) => a - b);
      const repeated = quote((error.data as unknown[])[error.params.i]);
      message = `must not repeat a value: items ${first} and ${second} are both ${repeated}`;
      break;
    }
    case "enum":
      message = `${enumWords(schema)}; ${quote(error.data)} is not`;
      break;
    case "pattern":
      message = `${patternWords(schema)}; ${quote(error.data)} is not`;
      break;
    case CHECK_KEYWORD:
      message = `${quote(error.data)} ${error.message}`;
      break;
    default:
      message = error.message ?? "is invalid";
  }
  return { path, field: formatPath(path), message };
}

/**
 * The size check a request validator runs first: a precompiled validator of
 * each property's upper size bounds alone (no item checked), and each
 * property's length bounds to word its refusals with.
 */
export interface RequestSizes {
  validate: StandaloneValidator;
  wording: Record<string, AnySchemaObject>;
}

/**
 * A request validator over a precompiled schema (`fields`: the request's
 * wire field names). Unknown properties are refused (the upstream ignores
 * them), because a misspelt field such as `customerGuid` would otherwise be
 * dropped without a word. Every message comes from the schema that failed:
 * its bounds, its enum's name and values, its description for a pattern, its
 * `x-tokengate-check`. On success `value` holds only the fields that were
 * given, ready to send.
 */
export function createRequestValidator<T>(
  validateSchema: StandaloneValidator,
  fields: readonly string[],
  sizes: RequestSizes,
): (input: unknown) => ValidationResult<T> {
  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      return { ok: false, issues: [{ path: [], field: "body", message: "must be an object" }] };
    }
    // An oversized value is refused on its size alone, before any of its items is checked.
    if (!sizes.validate(input)) {
      return {
        ok: false,
        // Worded from the property's length bounds ("exactly 32 characters"), as the full check would.
        issues: (sizes.validate.errors ?? []).map((error) =>
          describe(
            { ...error, parentSchema: sizes.wording[error.instancePath.slice(1)] ?? {} },
            fields,
          ),
        ),
      };
    }
    if (!validateSchema(input)) {
      return {
        ok: false,
        issues: (validateSchema.errors ?? []).map((error) => describe(error, fields)),
      };
    }
    const value: Record<string, unknown> = {};
    for (const field of fields) {
      const given = (input as Record<string, unknown>)[field];
      if (given !== undefined) value[field] = given;
    }
    return { ok: true, value: value as T };
  };
}
