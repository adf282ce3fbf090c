/**
 * The per-operation descriptors (`src/generated/operations.ts`) and the typed
 * method of each (`src/generated/methods.ts`), written from the contract
 * reader's view of every annotated operation.
 */
import {
  ContractError,
  type Json,
  type JsonObject,
  type OperationContract,
} from "@tokengate/contract";

const str = (value: unknown) => JSON.stringify(value);

/** `createCustomerToken` → `CreateCustomerToken`. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The export names of an operation's validators. */
export function validatorNames(operation: OperationContract) {
  const base = pascal(operation.operationId);
  return {
    request: `validate${base}Request`,
    sizes: `validate${base}RequestSizes`,
    answer: `is${base}Answer`,
  };
}

/** Keywords that bound a value's size from above, and those they need beside them. */
const SIZE_KEYWORDS = new Set(["type", "nullable", "maxLength", "maxItems"]);

/** What a size refusal's message is worded from: a property's length bounds, both of them. */
const WORDING_KEYWORDS = new Set([...SIZE_KEYWORDS, "minLength"]);

function pick(schema: Json, keywords: Set<string>): JsonObject {
  const entries =
    typeof schema === "object" && schema !== null && !Array.isArray(schema)
      ? Object.entries(schema)
      : [];
  return Object.fromEntries(entries.filter(([keyword]) => keywords.has(keyword)));
}

function propertiesOf(request: Json): Record<string, Json> {
  const properties = (request as JsonObject).properties;
  return typeof properties === "object" && properties !== null && !Array.isArray(properties)
    ? properties
    : {};
}

/**
 * Each property's upper size bounds alone: a length compared, no item
 * checked. The request validator runs it first, so an oversized value is
 * refused on its size alone, before any of its items is parsed; any other
 * input gets every broken field reported at once.
 */
export function sizesSchema(request: Json): Json {
  const properties = Object.entries(propertiesOf(request)).map(
    ([name, property]) => [name, pick(property, SIZE_KEYWORDS)] as const,
  );
  return { type: "object", properties: Object.fromEntries(properties) };
}

/** Each property's length bounds, so a size refusal reads as the full check would ("exactly 32 characters"). */
export function sizeWording(request: Json): Record<string, JsonObject> {
  const properties = Object.entries(propertiesOf(request)).map(
    ([name, property]) => [name, pick(property, WORDING_KEYWORDS)] as const,
  );
  return Object.fromEntries(properties);
}

/** The JSON schema of what a method takes: its body, or an object of its parameters. */
export function requestSchema(operation: OperationContract, clean: (schema: Json) => Json): Json {
  if (operation.request) {
    const schema = clean(operation.request.schema) as JsonObject;
    return { ...schema, additionalProperties: false };
  }
  const required = operation.parameters.filter((p) => p.required).map((p) => p.wireName);
  return {
    type: "object",
    title: `${pascal(operation.operationId)}Parameters`,
    properties: Object.fromEntries(
      operation.parameters.map((p) => [p.wireName, clean(p.schema)] as const),
    ),
    ...(required.length > 0 && { required }),
    additionalProperties: false,
  };
}

function requestType(operation: OperationContract): string {
  const id = str(operation.operationId);
  if (operation.request) return `components["schemas"][${str(operation.request.schemaName)}]`;
  const parts: string[] = [];
  for (const place of ["path", "query"] as const) {
    if (operation.parameters.some((p) => p.in === place)) {
      parts.push(`NonNullable<operations[${id}]["parameters"][${str(place)}]>`);
    }
  }
  return parts.length > 0 ? parts.join(" & ") : "Record<string, never>";
}

function dataType(operation: OperationContract): string {
  const schema = `components["schemas"][${str(operation.success.schemaName)}]`;
  const required = operation.success.requiredByClient;
  return required.length === 0
    ? schema
    : `WithRequired<${schema}, ${required.map(str).join(" | ")}>`;
}

/** openapi-fetch's call of the operation, for the middleware route. */
function viaOpenapiFetch(operation: OperationContract): string {
  const { method, path } = operation;
  if (operation.request) {
    return `(client, request, init) => client.${method}(${str(path)}, { ...init, body: request })`;
  }
  const params: string[] = [];
  for (const place of ["path", "query"] as const) {
    const names = operation.parameters.filter((p) => p.in === place).map((p) => p.wireName);
    if (names.length === 0) continue;
    const fields = names.map((name) => `${str(name)}: request[${str(name)}]`).join(", ");
    params.push(`${place}: { ${fields} }`);
  }
  return `(client, request, init) => client.${method}(${str(path)}, { ...init, params: { ${params.join(", ")} } })`;
}

function descriptor(operation: OperationContract, requestSchemas: Record<string, Json>): string {
  const base = pascal(operation.operationId);
  const names = validatorNames(operation);
  const request = requestSchemas[names.request];
  if (request === undefined) throw new ContractError(`${operation.operationId}: no request schema`);
  const errors = Object.fromEntries(
    operation.errors.map((error) => [
      String(error.status),
      {
        kind: error.kind,
        bodyRequired: error.bodyRequired,
        messageCodes: error.messageCodes.map(({ messageCode }) => messageCode),
      },
    ]),
  );
  const fields = operation.request
    ? operation.request.fields.map((field) => field.wireName)
    : operation.parameters.map((p) => p.wireName);
  const parameters = (place: "path" | "query") =>
    str(operation.parameters.filter((p) => p.in === place).map((p) => p.wireName));
  return `/** \`${operation.method} ${operation.path}\`. */
export const ${operation.operationId} = {
  operationId: ${str(operation.operationId)},
  method: ${str(operation.method)},
  path: ${str(operation.path)},
  requestKind: ${str(operation.request ? "body" : "parameters")},
  pathParameters: ${parameters("path")},
  queryParameters: ${parameters("query")},
  successStatus: ${operation.success.status},
  requiredFields: ${str(operation.success.requiredByClient)},
  errors: ${JSON.stringify(errors, null, 2).replace(/\n/g, "\n  ")},
  validateRequest: createRequestValidator<${base}Request>(requestValidators.${names.request}, ${str(fields)}, {
    validate: requestValidators.${names.sizes},
    wording: ${str(sizeWording(request))},
  }),
  // Generated JavaScript, typed here as what it checks.
  isAnswer: answerValidators.${names.answer} as AnswerValidator<${base}Answer>,
  viaOpenapiFetch: ${viaOpenapiFetch(operation)},
} as const satisfies OperationDescriptor<${base}Request, ${base}Answer, ${base}Data>;`;
}

function types(operation: OperationContract): string {
  const base = pascal(operation.operationId);
  const what = operation.request ? "body" : "path and query parameters";
  return `/** The ${what} of \`${operation.method} ${operation.path}\`. */
export type ${base}Request = ${requestType(operation)};
/** A ${operation.success.status} body of \`${operation.operationId}\` as the spec types it. */
export type ${base}Answer = components["schemas"][${str(operation.success.schemaName)}];
/** A ${operation.success.status} body, with every \`x-tokengate-required\` field present. */
export type ${base}Data = ${dataType(operation)};`;
}

/** The export name of a component schema's validator: `BankToken` → `isBankToken`. */
export function componentValidatorName(schemaName: string): string {
  return `is${schemaName}`;
}

/** A typed export of a component's precompiled validator. */
function componentValidator(schemaName: string): string {
  const name = componentValidatorName(schemaName);
  return `/** Checks a body against the spec's \`${schemaName}\` (precompiled). */
export const ${name} = answerValidators.${name} as AnswerValidator<components["schemas"][${str(schemaName)}]>;`;
}

/**
 * \`src/generated/operations.ts\`: each operation's types and descriptor, the
 * table of them, and the typed validators of the shared bodies (`components`).
 */
export function operationsModule(
  header: string,
  operations: OperationContract[],
  components: readonly string[],
  requestSchemas: Record<string, Json>,
): string {
  if (operations.length === 0) throw new ContractError("no operation carries x-tokengate-graphql");
  const typeNames = operations
    .flatMap(({ operationId }) =>
      ["Request", "Answer", "Data"].map((part) => `${pascal(operationId)}${part}`),
    )
    .sort();
  return `${header}import type { AnswerValidator, OperationDescriptor } from "../operation.js";
import { createRequestValidator } from "../validate.js";
import * as answerValidators from "./answer-validators.js";
import type { components } from "./openapi.js";
import type { ${typeNames.join(", ")} } from "./operation-types.js";
import * as requestValidators from "./request-validators.js";

${operations.map((operation) => descriptor(operation, requestSchemas)).join("\n\n")}

${components.map(componentValidator).join("\n\n")}

/** Every operation the spec annotates, by operationId. */
export const OPERATIONS = { ${operations.map((o) => o.operationId).join(", ")} } as const;
`;
}

/** `src/generated/operation-types.ts`: each operation's request and answer types (the package exports them all). */
export function operationTypesModule(header: string, operations: OperationContract[]): string {
  return `${header}import type { WithRequired } from "../types.js";
import type { components, operations } from "./openapi.js";

${operations.map(types).join("\n\n")}
`;
}

/** `src/generated/methods.ts`: the client's typed method for each operation, over the one pipeline. */
export function methodsModule(header: string, operations: OperationContract[]): string {
  const types = operations
    .flatMap((o) => [`${pascal(o.operationId)}Request`, `${pascal(o.operationId)}Data`])
    .sort();
  const signatures = operations
    .map((o) => {
      const base = pascal(o.operationId);
      const argument = o.request ? "body" : "parameters";
      const checked = o.request ? "The body" : "The parameters";
      return `  /**
   * \`${o.method} ${o.path}\`. ${checked} are checked against the spec first; an
   * invalid request is never sent.
   */
  ${o.operationId}(${argument}: ${base}Request, options?: CallOptions): Promise<CallResult<${base}Data>>;`;
    })
    .join("\n");
  const bodies = operations
    .map(
      (o) =>
        `    ${o.operationId}: (request, options) => call(OPERATIONS.${o.operationId}, request, options),`,
    )
    .join("\n");
  return `${header}import type { Call, CallOptions, CallResult } from "../pipeline.js";
import type { ${types.join(", ")} } from "./operation-types.js";
import { OPERATIONS } from "./operations.js";

/** One typed method per operation of the spec. */
export interface OperationMethods {
${signatures}
}

/** The typed methods, each a call of the one pipeline with its operation's descriptor. */
export function operationMethods(call: Call): OperationMethods {
  return {
${bodies}
  };
}
`;
}
