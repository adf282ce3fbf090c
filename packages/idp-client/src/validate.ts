import { Ajv, type ErrorObject } from "ajv";
import { CUSTOMER_TOKEN_SCOPES, POST_CUSTOMER_TOKEN_SCHEMA } from "./generated/contract.js";
import { ipAllowlistEntryProblem } from "./ip-allowlist.js";
import type { CreateCustomerTokenRequest } from "./types.js";

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

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });

/**
 * The spec's own request schema, compiled once. Unknown properties are
 * refused here (the upstream ignores them), because a misspelt field such as
 * `customerGuid` would otherwise be dropped without a word.
 */
const validateRequestSchema = ajv.compile<CreateCustomerTokenRequest>({
  ...POST_CUSTOMER_TOKEN_SCHEMA,
  additionalProperties: false,
});

const REQUEST_FIELDS = Object.keys(POST_CUSTOMER_TOKEN_SCHEMA.properties);

/** The spec's own pattern for an allowlist entry; the public-address rule runs on entries that match it. */
const IP_ALLOWLIST_ENTRY = new RegExp(
  POST_CUSTOMER_TOKEN_SCHEMA.properties.ip_allowlist.items.pattern,
);

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

function describe(error: ErrorObject): ValidationIssue {
  const path = pathOf(error.instancePath);
  const schema = error.parentSchema ?? {};
  let message: string;
  switch (error.keyword) {
    case "required":
      path.push(String(error.params.missingProperty));
      message = "is required";
      break;
    case "additionalProperties":
      path.push(String(error.params.additionalProperty));
      message = `is not a field of the request (known fields: ${REQUEST_FIELDS.join(", ")})`;
      break;
    case "type":
      message = typeWords(error.params.type, schema.nullable === true);
      break;
    case "minLength":
    case "maxLength":
      message =
        schema.minLength === schema.maxLength
          ? `must be exactly ${schema.minLength} characters (got ${String(error.data).length})`
          : `must have ${error.keyword === "minLength" ? "at least" : "at most"} ${error.params.limit} characters`;
      break;
    case "minItems":
      message = `must have at least ${error.params.limit} item${error.params.limit === 1 ? "" : "s"}`;
      break;
    case "uniqueItems": {
      const [first, second] = [error.params.i, error.params.j].sort((a, b) => a - b);
      const repeated = quote((error.data as unknown[])[error.params.i]);
      message = `must not repeat a value: items ${first} and ${second} are both ${repeated}`;
      break;
    }
    case "enum":
      message = `must be one of the ${CUSTOMER_TOKEN_SCOPES.length} customer token scopes; ${quote(error.data)} is not`;
      break;
    case "pattern":
      message = `must be an IPv4 address or CIDR range in canonical form (like 34.120.17.5 or 52.94.0.0/16); ${quote(error.data)} is not`;
      break;
    default:
      message = error.message ?? "is invalid";
  }
  return { path, field: formatPath(path), message };
}

function publicAddressIssues(ipAllowlist: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(ipAllowlist)) return issues;
  ipAllowlist.forEach((entry: unknown, index) => {
    if (typeof entry !== "string" || !IP_ALLOWLIST_ENTRY.test(entry)) return;
    const problem = ipAllowlistEntryProblem(entry);
    if (problem) {
      const path = ["ip_allowlist", index];
      issues.push({ path, field: formatPath(path), message: `${quote(entry)} ${problem}` });
    }
  });
  return issues;
}

/**
 * Checks a request body against the spec's `PostCustomerToken` schema (guid
 * length, scopes non-empty, unique and known, IP/CIDR format) and the
 * contract's rule that allowlisted addresses are public. On success `value`
 * holds only the fields that were given, ready to send.
 */
export function validateCreateCustomerTokenRequest(
  input: unknown,
): ValidationResult<CreateCustomerTokenRequest> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: [], field: "body", message: "must be an object" }] };
  }
  const schemaIssues = validateRequestSchema(input)
    ? []
    : (validateRequestSchema.errors ?? []).map(describe);
  const issues = [
    ...schemaIssues,
    ...publicAddressIssues((input as { ip_allowlist?: unknown }).ip_allowlist),
  ];
  if (issues.length > 0) return { ok: false, issues };
  const value: Record<string, unknown> = {};
  for (const field of REQUEST_FIELDS) {
    const given = (input as Record<string, unknown>)[field];
    if (given !== undefined) value[field] = given;
  }
  return { ok: true, value: value as CreateCustomerTokenRequest };
}
