import { X } from "./extensions.js";
import { checkGraphQLName, graphqlFieldName } from "./naming.js";
import {
  ContractError,
  inlineSchema,
  isObject,
  type Json,
  type JsonObject,
  resolvePointer,
} from "./spec.js";

/** One property of a request or response body. */
export interface FieldContract {
  wireName: string;
  graphqlName: string;
  /** In the schema's `required` (for a response, also in `x-tokengate-required`). */
  required: boolean;
  /** Part of the GraphQL type; `false` only through `x-tokengate-graphql-exposed: false`. */
  exposed: boolean;
  /** The property's schema, `$ref`s inlined. */
  schema: JsonObject;
}

/** A JSON body: its component name, inlined schema and properties. */
export interface BodyContract {
  schemaName: string;
  schema: JsonObject;
  fields: FieldContract[];
  /** `x-tokengate-required` of a response schema; empty for a request. */
  requiredByClient: string[];
}

/** A documented `message_code` and the GraphQL code it becomes. */
export interface MessageCodeContract {
  messageCode: string;
  graphqlCode: string;
}

/** A documented error response of an operation. */
export interface ErrorContract {
  status: number;
  description: string;
  kind: string;
  graphqlCode: string;
  bodyRequired: boolean;
  body: BodyContract;
  messageCodes: MessageCodeContract[];
}

/** Everything the generators need about one operation, read from the spec. */
export interface OperationContract {
  operationId: string;
  method: string;
  path: string;
  graphql: { input: string; output: string };
  request: BodyContract;
  success: BodyContract & { status: number };
  errors: ErrorContract[];
}

const JSON_MEDIA = "application/json";

function at(where: string[], key: string): string[] {
  return [...where, key];
}

function fail(where: string[], problem: string): never {
  throw new ContractError(`${where.join(".")}: ${problem}`);
}

function objectAt(node: Json | undefined, where: string[]): JsonObject {
  if (!isObject(node)) fail(where, "must be an object");
  return node;
}

function stringAt(node: Json | undefined, where: string[]): string {
  if (typeof node !== "string" || node.length === 0) fail(where, "must be a non-empty string");
  return node;
}

function stringListAt(node: Json | undefined, where: string[]): string[] {
  if (node === undefined) return [];
  if (!Array.isArray(node) || !node.every((item) => typeof item === "string")) {
    fail(where, "must be a list of strings");
  }
  return node as string[];
}

function graphqlCodeAt(node: Json | undefined, where: string[]): string {
  const code = stringAt(node, where);
  if (!/^[A-Z][A-Z0-9_]*$/.test(code)) fail(where, `"${code}" is not an UPPER_SNAKE code`);
  return code;
}

function findOperation(spec: JsonObject, operationId: string) {
  const paths = objectAt(spec.paths, ["paths"]);
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (isObject(operation) && operation.operationId === operationId) {
        return { path, method, operation, where: ["paths", path, method] };
      }
    }
  }
  throw new ContractError(`no operation has operationId ${operationId}`);
}

/** The JSON body of a request body or response: its `$ref`'d component, inlined. */
function jsonBody(
  spec: JsonObject,
  holder: JsonObject,
  where: string[],
  kind: "request" | "response",
): BodyContract {
  const contentWhere = at(at(where, "content"), JSON_MEDIA);
  const media = objectAt(objectAt(holder.content, at(where, "content"))[JSON_MEDIA], contentWhere);
  const schemaWhere = at(contentWhere, "schema");
  const ref = objectAt(media.schema, schemaWhere).$ref;
  const schemaName =
    typeof ref === "string" ? ref.match(/^#\/components\/schemas\/(.+)$/)?.[1] : "";
  if (!schemaName) fail(schemaWhere, "must be a $ref to a named schema in components.schemas");
  const raw = objectAt(resolvePointer(spec, ref as string), ["components", "schemas", schemaName]);
  const schema = objectAt(inlineSchema(spec, raw), ["components", "schemas", schemaName]);
  const schemaPath = ["components", "schemas", schemaName];
  const requiredByClient =
    kind === "response" ? stringListAt(raw[X.required], at(schemaPath, X.required)) : [];
  const required = new Set([
    ...stringListAt(raw.required, at(schemaPath, "required")),
    ...requiredByClient,
  ]);
  const properties = isObject(raw.properties) ? raw.properties : {};
  const names = new Map<string, string>();
  const fields = Object.entries(properties).map(([wireName, property]): FieldContract => {
    const where = [...schemaPath, "properties", wireName];
    const node = objectAt(property, where);
    // Read on the property itself: through a $ref it would be the target type's name.
    const override = node[X.graphqlName];
    const graphqlName = checkGraphQLName(
      override === undefined
        ? graphqlFieldName(wireName)
        : stringAt(override, at(where, X.graphqlName)),
      where.join("."),
    );
    const clash = names.get(graphqlName);
    if (clash) fail(where, `GraphQL name ${graphqlName} is also ${clash}'s`);
    names.set(graphqlName, wireName);
    const exposedFlag = node[X.graphqlExposed];
    if (exposedFlag !== undefined && typeof exposedFlag !== "boolean") {
      fail(at(where, X.graphqlExposed), "must be true or false");
    }
    const exposed = exposedFlag !== false;
    if (!exposed && required.has(wireName) && kind === "request") {
      fail(where, "a required field cannot be hidden from GraphQL");
    }
    const schema = objectAt(inlineSchema(spec, node), where);
    return { wireName, graphqlName, required: required.has(wireName), exposed, schema };
  });
  for (const name of requiredByClient) {
    if (!(name in properties)) fail(at(schemaPath, X.required), `${name} is not a property`);
  }
  return { schemaName, schema, fields, requiredByClient };
}

/** Each documented `message_code` of an error response, with its GraphQL code. */
function messageCodes(
  media: JsonObject,
  defaultCode: string,
  where: string[],
): MessageCodeContract[] {
  const codes = new Map<string, string>();
  const examples = isObject(media.examples) ? media.examples : {};
  for (const [name, example] of Object.entries(examples)) {
    const exampleWhere = [...where, "examples", name];
    const node = objectAt(example, exampleWhere);
    const value = isObject(node.value) ? node.value : {};
    if (typeof value.message_code !== "string") continue;
    const code =
      node[X.graphqlCode] === undefined
        ? defaultCode
        : graphqlCodeAt(node[X.graphqlCode], at(exampleWhere, X.graphqlCode));
    const known = codes.get(value.message_code);
    if (known !== undefined && known !== code) {
      fail(exampleWhere, `message_code ${value.message_code} maps to both ${known} and ${code}`);
    }
    codes.set(value.message_code, code);
  }
  return [...codes].map(([messageCode, graphqlCode]) => ({ messageCode, graphqlCode }));
}

/**
 * Reads one operation and the `x-tokengate-*` extensions on it: GraphQL names,
 * request and success body fields, and every documented error with the
 * client kind and GraphQL code it maps to. Throws a `ContractError` naming
 * the spec node when an extension is missing or malformed.
 */
export function readOperation(spec: JsonObject, operationId: string): OperationContract {
  const { path, method, operation, where } = findOperation(spec, operationId);
  const graphqlWhere = at(where, X.graphql);
  const graphql = objectAt(operation[X.graphql], graphqlWhere);
  const names = {
    input: checkGraphQLName(
      stringAt(graphql.input, at(graphqlWhere, "input")),
      graphqlWhere.join("."),
    ),
    output: checkGraphQLName(
      stringAt(graphql.output, at(graphqlWhere, "output")),
      graphqlWhere.join("."),
    ),
  };
  const requestBody = objectAt(operation.requestBody, at(where, "requestBody"));
  const request = jsonBody(spec, requestBody, at(where, "requestBody"), "request");

  const responsesWhere = at(where, "responses");
  const responses = objectAt(operation.responses, responsesWhere);
  let success: OperationContract["success"] | undefined;
  const errors: ErrorContract[] = [];
  for (const [statusText, response] of Object.entries(responses)) {
    const responseWhere = at(responsesWhere, statusText);
    const status = Number(statusText);
    if (!Number.isInteger(status)) fail(responseWhere, "only numeric statuses are supported");
    const node = objectAt(response, responseWhere);
    const body = jsonBody(spec, node, responseWhere, "response");
    if (status >= 200 && status < 300) {
      if (success) fail(responseWhere, "only one success response is supported");
      success = { ...body, status };
      continue;
    }
    const graphqlCode = graphqlCodeAt(node[X.graphqlCode], at(responseWhere, X.graphqlCode));
    const bodyRequired = node[X.bodyRequired];
    if (bodyRequired !== undefined && typeof bodyRequired !== "boolean") {
      fail(at(responseWhere, X.bodyRequired), "must be true or false");
    }
    const media = objectAt(objectAt(node.content, at(responseWhere, "content"))[JSON_MEDIA], [
      ...responseWhere,
      "content",
      JSON_MEDIA,
    ]);
    errors.push({
      status,
      description: stringAt(node.description, at(responseWhere, "description")),
      kind: stringAt(node[X.errorKind], at(responseWhere, X.errorKind)),
      graphqlCode,
      bodyRequired: bodyRequired === true,
      body,
      messageCodes: messageCodes(media, graphqlCode, [...responseWhere, "content", JSON_MEDIA]),
    });
  }
  if (!success) fail(responsesWhere, "must document one 2xx response");
  return { operationId, method, path, graphql: names, request, success, errors };
}
