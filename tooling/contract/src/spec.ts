import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A spec that breaks one of tokengate's rules for its `x-tokengate-*` extensions. */
export class ContractError extends Error {
  override name = "ContractError";
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads and parses an OpenAPI document (YAML or JSON). */
export async function loadSpec(location: URL | string): Promise<JsonObject> {
  const spec: Json = parse(await readFile(location, "utf8"));
  if (!isObject(spec)) throw new ContractError(`${String(location)} is not an OpenAPI document`);
  return spec;
}

/** Follows a local `#/...` pointer inside the spec. */
export function resolvePointer(spec: JsonObject, ref: string): Json {
  if (!ref.startsWith("#/")) throw new ContractError(`only local $refs are supported: ${ref}`);
  let node: Json | undefined = spec;
  for (const key of ref.slice(2).split("/")) {
    const name = key.replace(/~1/g, "/").replace(/~0/g, "~");
    node = isObject(node) ? node[name] : undefined;
  }
  if (node === undefined) throw new ContractError(`unresolved $ref ${ref}`);
  return node;
}

const COMPONENT_SCHEMA = /^#\/components\/schemas\/([^/]+)$/;

/**
 * A schema with every `$ref` inlined and `example`/`examples` dropped. A named
 * component keeps its name as `title` (unless it has one), so validation
 * messages and GraphQL type names can name the schema that a value broke.
 */
export function inlineSchema(spec: JsonObject, node: Json): Json {
  if (Array.isArray(node)) return node.map((item) => inlineSchema(spec, item));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === "string") {
    const target = inlineSchema(spec, resolvePointer(spec, ref));
    const name = ref.match(COMPONENT_SCHEMA)?.[1];
    return isObject(target) && name && target.title === undefined
      ? { title: name, ...target }
      : target;
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples") continue;
    out[key] = inlineSchema(spec, value);
  }
  return out;
}

/** A copy of a schema without any `x-` extension except those in `keep`, at every depth. */
export function withoutExtensions(node: Json, keep: readonly string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => withoutExtensions(item, keep));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-") && !keep.includes(key)) continue;
    out[key] = withoutExtensions(value, keep);
  }
  return out;
}

/** Every `value` of `key` anywhere in a schema, e.g. each `x-tokengate-check` it names. */
export function collectValues(node: Json, key: string): Json[] {
  if (Array.isArray(node)) return node.flatMap((item) => collectValues(item, key));
  if (!isObject(node)) return [];
  const own = key in node ? [node[key] as Json] : [];
  return [...own, ...Object.values(node).flatMap((value) => collectValues(value, key))];
}
