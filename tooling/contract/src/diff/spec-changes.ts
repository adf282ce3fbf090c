import { apiCompare, type Diff, type DiffType } from "api-smart-diff";
import type { JsonObject } from "../spec.js";
import type { Change, Severity } from "./change.js";

/** api-smart-diff's classes, in this report's three words. */
const SEVERITY: Record<DiffType, Severity> = {
  breaking: "breaking",
  deprecated: "dangerous",
  unclassified: "dangerous",
  "non-breaking": "safe",
  annotation: "safe",
};

const BODY_HOPS = new Set(["content", "application/json", "schema"]);

/** The node at `path` in a spec, if there is one. */
function nodeAt(spec: JsonObject, path: readonly (string | number)[]): unknown {
  let node: unknown = spec;
  for (const key of path) {
    node =
      typeof node === "object" && node !== null
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  return node;
}

/** The `name` of the parameter at `path` in either version of the spec. */
type ParameterName = (path: readonly (string | number)[]) => string | undefined;

/**
 * `["paths", "/api/customer_tokens", "post", "requestBody", …, "properties", "scopes", "items"]` → `POST /api/customer_tokens request body scopes[]`;
 * a parameter is named by its `name` (`GET /api/bank_applications parameter per_page`).
 */
export function locationOf(
  path: readonly (string | number)[],
  parameterName: ParameterName = () => undefined,
): string {
  const out: string[] = [];
  let rest = [...path];
  if (rest[0] === "paths" && rest.length >= 3) {
    out.push(`${String(rest[2]).toUpperCase()} ${String(rest[1])}`);
    rest = rest.slice(3);
  }
  let property = "";
  for (let index = 0; index < rest.length; index++) {
    const key = rest[index];
    if (key === "requestBody") out.push("request body");
    else if (key === "parameters" && typeof rest[index + 1] === "number") {
      const at = [...path.slice(0, path.length - rest.length), ...rest.slice(0, index + 2)];
      out.push(`parameter ${parameterName(at) ?? String(rest[index + 1])}`);
      index += 1;
    } else if (key === "responses") out.push(`response ${String(rest[++index])}`);
    else if (key === "properties") property += `${property ? "." : ""}${String(rest[++index])}`;
    else if (key === "items") property += "[]";
    else if (key === "enum") break;
    else if (typeof key === "string" && BODY_HOPS.has(key)) continue;
    else {
      if (property) out.push(property);
      property = "";
      out.push(String(key));
    }
  }
  if (property) out.push(property);
  return out.join(" ");
}

function shown(value: unknown): string {
  if (value === undefined) return "";
  const text = (typeof value === "object" ? JSON.stringify(value) : String(value))
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function describe(
  diff: Diff,
  names: (from: readonly JsonObject[]) => ParameterName,
  before: JsonObject,
  after: JsonObject,
): { message: string; key: string } {
  // A removed parameter is named where it was; any other where it is now.
  const where = locationOf(diff.path, names(diff.action === "remove" ? [before] : [after, before]));
  const enumIndex = diff.path.lastIndexOf("enum");
  if (enumIndex >= 0 && enumIndex === diff.path.length - 2) {
    const value = shown(diff.action === "remove" ? diff.before : (diff.after ?? diff.before));
    const verb = {
      add: "now accepts",
      remove: "no longer accepts",
      replace: "changed value to",
      rename: "renamed value to",
    }[diff.action];
    return { message: `${where}: ${verb} "${value}"`, key: value };
  }
  const values =
    diff.action === "replace" || diff.action === "rename"
      ? `: ${shown(diff.before)} → ${shown(diff.after)}`
      : diff.action === "remove"
        ? " removed"
        : " added";
  return { message: `${where}${values}`, key: where };
}

/**
 * The spec's changes, classified by api-smart-diff (which resolves `$ref`s,
 * so a component's change is reported where an operation uses it; the
 * component-level copies of the same change are left out).
 */
export function specChanges(before: JsonObject, after: JsonObject, file: string): Change[] {
  const { diffs } = apiCompare(before, after);
  const names =
    (from: readonly JsonObject[]): ParameterName =>
    (path) => {
      for (const spec of from) {
        const node = nodeAt(spec, path);
        const name =
          typeof node === "object" && node !== null ? Reflect.get(node, "name") : undefined;
        if (typeof name === "string") return name;
      }
      return undefined;
    };
  return diffs
    .filter((diff) => !(diff.path[0] === "components" && diff.path[1] === "schemas"))
    .map((diff) => ({
      severity: SEVERITY[diff.type],
      file,
      ...describe(diff, names, before, after),
    }));
}
