/**
 * Regenerates everything in `src/generated/` from `spec/openapi.yaml`:
 * - `openapi.ts`: the request/response types (openapi-typescript);
 * - `contract.ts`: the runtime facts the client needs (scope list, server
 *   aliases, JSON schemas for ajv), so no value is ever copied by hand.
 */
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";

const specUrl = new URL("../../../spec/openapi.yaml", import.meta.url);
const outDir = new URL("../src/generated/", import.meta.url);

const HEADER = `/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run \`pnpm generate\`.
 */
`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows a local `#/components/...` pointer inside the spec. */
function resolvePointer(spec: JsonObject, ref: string): Json {
  const path = ref.replace(/^#\//, "").split("/");
  let node: Json | undefined = spec;
  for (const key of path) {
    node = isObject(node) ? node[key] : undefined;
  }
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return node;
}

/**
 * Inlines `$ref`s and drops annotation keywords that ajv's strict mode does
 * not know (`example`); the spec's own keywords, `nullable` included, stay.
 */
function toValidationSchema(spec: JsonObject, node: Json): Json {
  if (Array.isArray(node)) return node.map((item) => toValidationSchema(spec, item));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === "string") return toValidationSchema(spec, resolvePointer(spec, ref));
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples") continue;
    out[key] = toValidationSchema(spec, value);
  }
  return out;
}

function schemaOf(spec: JsonObject, name: string): Json {
  return toValidationSchema(spec, { $ref: `#/components/schemas/${name}` });
}

function serverAliases(spec: JsonObject): Record<string, string> {
  const servers = Array.isArray(spec.servers) ? spec.servers : [];
  const aliases: Record<string, string> = {};
  for (const server of servers) {
    if (!isObject(server)) continue;
    const alias = server["x-tokengate-alias"];
    if (typeof alias === "string" && typeof server.url === "string") aliases[alias] = server.url;
  }
  return aliases;
}

function scopeList(spec: JsonObject): string[] {
  const scopeSchema = resolvePointer(spec, "#/components/schemas/CustomerTokenScope");
  const values = isObject(scopeSchema) ? scopeSchema.enum : undefined;
  if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) {
    throw new Error("components.schemas.CustomerTokenScope.enum must be a list of strings");
  }
  return values as string[];
}

function constant(name: string, value: Json, doc: string): string {
  return `/** ${doc} */\nexport const ${name} = ${JSON.stringify(value, null, 2)} as const;\n`;
}

async function main(): Promise<void> {
  const specText = await readFile(specUrl, "utf8");
  const spec = parse(specText) as JsonObject;

  // A default describes what the server assumes, so the field stays optional
  // in the request type (openapi-typescript would make it required).
  const types = astToString(await openapiTS(specUrl, { defaultNonNullable: false }));
  await writeFile(new URL("openapi.ts", outDir), HEADER + types);

  const contract = [
    HEADER,
    constant(
      "CUSTOMER_TOKEN_SCOPES",
      scopeList(spec),
      "Every scope a customer token can carry, in spec order.",
    ),
    constant(
      "SERVER_URLS",
      serverAliases(spec),
      "The spec's servers, by their `x-tokengate-alias`.",
    ),
    constant(
      "POST_CUSTOMER_TOKEN_SCHEMA",
      schemaOf(spec, "PostCustomerToken"),
      "JSON schema of the request body, `$ref`s inlined.",
    ),
    constant(
      "CUSTOMER_TOKEN_SCHEMA",
      schemaOf(spec, "CustomerToken"),
      "JSON schema of a 201 body.",
    ),
    constant(
      "ERROR_RESPONSE_SCHEMA",
      schemaOf(spec, "ErrorResponse"),
      "JSON schema of an error body.",
    ),
    constant(
      "BANK_TOKEN_SCHEMA",
      schemaOf(spec, "BankToken"),
      "JSON schema of a token-endpoint answer.",
    ),
    constant(
      "OAUTH_ERROR_SCHEMA",
      schemaOf(spec, "OAuthError"),
      "JSON schema of a token-endpoint error.",
    ),
  ].join("\n");
  await writeFile(new URL("contract.ts", outDir), contract);

  console.log("generated src/generated/openapi.ts and src/generated/contract.ts");
}

await main();
