/**
 * Regenerates everything in `src/generated/` from `spec/openapi.yaml`:
 * - `openapi.ts`: the request/response types (openapi-typescript);
 * - `contract.ts`: the scope list, server aliases and named checks;
 * - `request-validators.ts`, `answer-validators.ts`: every schema the client
 *   checks, precompiled (Ajv standalone code), so none is compiled at load;
 * - `operations.ts`: one descriptor per operation the spec annotates with
 *   `x-tokengate-graphql` (path, method, parameters, documented errors and
 *   their kinds, validators), and `methods.ts`: the typed method of each.
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
  readOperations,
  withoutExtensions,
  X,
} from "@tokengate/contract";
import openapiTS, { astToString } from "openapi-typescript";
import {
  componentValidatorName,
  methodsModule,
  operationsModule,
  operationTypesModule,
  requestSchema,
  sizesSchema,
  validatorNames,
} from "./generate/operations.js";
import { validatorsModule } from "./generate/validators.js";

const specUrl = new URL("../../../spec/openapi.yaml", import.meta.url);
const outDir = new URL("../src/generated/", import.meta.url);

const HEADER = `/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run \`pnpm generate\`.
 */
`;

/** A request schema as Ajv checks it: extensions dropped but the client's checks. */
function requestValidation(schema: Json): Json {
  return withoutExtensions(schema, [X.check]);
}

/** An answer schema as Ajv checks it: `$ref`s inlined, every extension dropped. */
function answerValidation(spec: JsonObject, schema: Json): Json {
  return withoutExtensions(inlineSchema(spec, schema));
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

/** The token endpoint's bodies: its operation carries no GraphQL annotation, so they are named here. */
const TOKEN_ENDPOINT_SCHEMAS = ["BankToken", "OAuthError"];

async function main(): Promise<void> {
  const spec = await loadSpec(specUrl);
  // Every annotated operation is read, so one the generators cannot carry fails here.
  const operations = readOperations(spec);

  // A default describes what the server assumes, so the field stays optional
  // in the request type (openapi-typescript would make it required).
  const types = astToString(await openapiTS(specUrl, { defaultNonNullable: false }));
  await writeFile(new URL("openapi.ts", outDir), HEADER + types);

  const errorSchemas = new Set(
    operations.flatMap((operation) => operation.errors.map((error) => error.body.schemaName)),
  );
  const [errorSchema, ...otherErrorSchemas] = errorSchemas;
  if (!errorSchema || otherErrorSchemas.length > 0) {
    throw new ContractError(
      `the operations' documented errors must share one body schema (found ${[...errorSchemas].join(", ") || "none"})`,
    );
  }

  const requestSchemas: Record<string, Json> = {};
  const answerSchemas: Record<string, Json> = {};
  for (const operation of operations) {
    const names = validatorNames(operation);
    const request = requestSchema(operation, requestValidation);
    requestSchemas[names.request] = request;
    requestSchemas[names.sizes] = sizesSchema(request);
    answerSchemas[names.answer] = answerValidation(spec, operation.success.schema);
  }
  const components = [errorSchema, ...TOKEN_ENDPOINT_SCHEMAS];
  for (const name of components) {
    answerSchemas[componentValidatorName(name)] = answerValidation(spec, {
      $ref: `#/components/schemas/${name}`,
    });
  }
  const checks = [...new Set(collectValues(Object.values(requestSchemas), X.check))];
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
      "REQUEST_CHECKS",
      checks,
      "The `x-tokengate-check` names the request schemas use; checks.ts implements each.",
    ),
    constant(
      "PUBLISHED_RATE_LIMITS",
      publishedRateLimits(spec),
      "The upstream's published per-IP limits by operationId (`x-tokengate-rate-limit`): requests per window of seconds.",
    ),
  ].join("\n");
  const files = {
    "contract.ts": contract,
    "request-validators.ts": validatorsModule(HEADER, requestSchemas, { forRequests: true }),
    "answer-validators.ts": validatorsModule(HEADER, answerSchemas, { forRequests: false }),
    "operation-types.ts": operationTypesModule(HEADER, operations),
    "operations.ts": operationsModule(HEADER, operations, components, requestSchemas),
    "methods.ts": methodsModule(HEADER, operations),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(new URL(name, outDir), text);
  console.log(
    `generated src/generated/openapi.ts, ${Object.keys(files)
      .map((name) => `src/generated/${name}`)
      .join(", ")}`,
  );
}

await main();
