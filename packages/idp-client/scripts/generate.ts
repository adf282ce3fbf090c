/**
 * Regenerates everything in `src/generated/` from `spec/openapi.yaml`:
 * - `openapi.ts`: the request/response types (openapi-typescript);
 * - `contract.ts`: the runtime facts the client needs (scope list, server
 *   aliases, JSON schemas for ajv, the documented error responses and the
 *   named checks), so no value is ever copied by hand.
 */
import { writeFile } from "node:fs/promises";
import {
  ContractError,
  collectValues,
  inlineSchema,
  isObject,
  type Json,
  type JsonObject,
  loadSpec,
  readOperation,
  withoutExtensions,
  X,
} from "@tokengate/contract";
import openapiTS, { astToString } from "openapi-typescript";

const specUrl = new URL("../../../spec/openapi.yaml", import.meta.url);
const outDir = new URL("../src/generated/", import.meta.url);

const HEADER = `/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run \`pnpm generate\`.
 */
`;

/** A component schema as ajv checks it: `$ref`s inlined, extensions dropped but the client's checks. */
function validationSchema(spec: JsonObject, schema: Json): Json {
  return withoutExtensions(inlineSchema(spec, schema), [X.check]);
}

function componentSchema(spec: JsonObject, name: string): Json {
  return validationSchema(spec, { $ref: `#/components/schemas/${name}` });
}

function serverAliases(spec: JsonObject): Record<string, string> {
  const servers = Array.isArray(spec.servers) ? spec.servers : [];
  const aliases: Record<string, string> = {};
  for (const server of servers) {
    if (!isObject(server)) continue;
    const alias = server[X.alias];
    if (typeof alias === "string" && typeof server.url === "string") aliases[alias] = server.url;
  }
  return aliases;
}

function scopeList(spec: JsonObject): string[] {
  const scopes =
    isObject(spec.components) && isObject(spec.components.schemas)
      ? spec.components.schemas.CustomerTokenScope
      : undefined;
  const values = isObject(scopes) ? scopes.enum : undefined;
  if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) {
    throw new ContractError("components.schemas.CustomerTokenScope.enum must be a list of strings");
  }
  return values as string[];
}

/** Each operation's `x-tokengate-rate-limit`, by operationId. */
function publishedRateLimits(
  spec: JsonObject,
): Record<string, { requests: number; windowSeconds: number }> {
  const limits: Record<string, { requests: number; windowSeconds: number }> = {};
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || operation[X.rateLimit] === undefined) continue;
      const limit = operation[X.rateLimit];
      const where = `paths.${path}.${method}.${X.rateLimit}`;
      const whole = (value: Json | undefined) =>
        typeof value === "number" && Number.isInteger(value) && value > 0;
      if (!isObject(limit) || !whole(limit.requests) || !whole(limit.window_seconds)) {
        throw new ContractError(`${where} must be { requests, window_seconds }, whole numbers > 0`);
      }
      if (typeof operation.operationId !== "string") {
        throw new ContractError(`${where} needs an operationId beside it`);
      }
      limits[operation.operationId] = {
        requests: limit.requests as number,
        windowSeconds: limit.window_seconds as number,
      };
    }
  }
  return limits;
}

function constant(name: string, value: Json, doc: string): string {
  return `/** ${doc} */\nexport const ${name} = ${JSON.stringify(value, null, 2)} as const;\n`;
}

async function main(): Promise<void> {
  const spec = await loadSpec(specUrl);
  const mint = readOperation(spec, "createCustomerToken");

  // A default describes what the server assumes, so the field stays optional
  // in the request type (openapi-typescript would make it required).
  const types = astToString(await openapiTS(specUrl, { defaultNonNullable: false }));
  await writeFile(new URL("openapi.ts", outDir), HEADER + types);

  const errorSchemas = new Set(mint.errors.map((error) => error.body.schemaName));
  const [errorSchema, ...otherErrorSchemas] = errorSchemas;
  if (!errorSchema || otherErrorSchemas.length > 0) {
    throw new ContractError(
      `createCustomerToken's documented errors must share one body schema (found ${[...errorSchemas].join(", ") || "none"})`,
    );
  }
  const documentedErrors = Object.fromEntries(
    mint.errors.map((error) => [
      String(error.status),
      {
        kind: error.kind,
        bodyRequired: error.bodyRequired,
        messageCodes: error.messageCodes.map(({ messageCode }) => messageCode),
      },
    ]),
  );
  const checks = [...new Set(collectValues(mint.request.schema, X.check))];
  if (!checks.every((check) => typeof check === "string")) {
    throw new ContractError(`every ${X.check} must name a check`);
  }

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
      validationSchema(spec, mint.request.schema),
      `JSON schema of the request body (\`${mint.request.schemaName}\`), \`$ref\`s inlined.`,
    ),
    constant(
      "REQUEST_CHECKS",
      checks,
      "The `x-tokengate-check` names the request schema uses; validate.ts implements each.",
    ),
    constant(
      "CUSTOMER_TOKEN_SCHEMA",
      validationSchema(spec, mint.success.schema),
      `JSON schema of a ${mint.success.status} body (\`${mint.success.schemaName}\`).`,
    ),
    constant(
      "CUSTOMER_TOKEN_REQUIRED_FIELDS",
      mint.success.requiredByClient,
      "Fields a success body must carry, non-empty, although the upstream marks them optional (`x-tokengate-required`).",
    ),
    constant(
      "ERROR_RESPONSE_SCHEMA",
      componentSchema(spec, errorSchema),
      `JSON schema of an error body (\`${errorSchema}\`).`,
    ),
    constant(
      "CREATE_CUSTOMER_TOKEN_ERRORS",
      documentedErrors,
      "The documented error statuses of `POST /api/customer_tokens`: the client's kind for each (`x-tokengate-error-kind`), whether it needs a well-formed body (`x-tokengate-body-required`), and its documented `message_code`s.",
    ),
    constant(
      "PUBLISHED_RATE_LIMITS",
      publishedRateLimits(spec),
      "The upstream's published per-IP limits by operationId (`x-tokengate-rate-limit`): requests per window of seconds.",
    ),
    constant(
      "BANK_TOKEN_SCHEMA",
      componentSchema(spec, "BankToken"),
      "JSON schema of a token-endpoint answer.",
    ),
    constant(
      "OAUTH_ERROR_SCHEMA",
      componentSchema(spec, "OAuthError"),
      "JSON schema of a token-endpoint error.",
    ),
  ].join("\n");
  await writeFile(new URL("contract.ts", outDir), contract);

  console.log("generated src/generated/openapi.ts and src/generated/contract.ts");
}

await main();
