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
  /** `x-tokengate-secret: true`: its value is a credential. */
  secret: boolean;
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

/** A path or query parameter: a field of the operation's arguments. */
export interface ParameterContract extends FieldContract {
  in: "path" | "query";
  description: string;
}

/** Where an operation sits in GraphQL: a `Query` field for GET, else a `Mutation` field. */
export interface GraphQLOperation {
  root: "Query" | "Mutation";
  /** The field's name: `x-tokengate-graphql.field`, default the operationId. */
  field: string;
  /** The input type of a request body (its one `input` argument); `null` without a body. */
  input: string | null;
  output: string;
}

/** Everything the generators need about one operation, read from the spec. */
export interface OperationContract {
  operationId: string;
  /** The spec's `summary`, or `""`. */
  summary: string;
  /** Upper case: `GET`, `POST`. */
  method: string;
  path: string;
  graphql: GraphQLOperation;
  /** Path and query parameters, the GraphQL arguments of an operation without a body. */
  parameters: ParameterContract[];
  /** The JSON request body; `null` when the operation takes none. */
  request: BodyContract | null;
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

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

interface SpecOperation {
  path: string;
  method: string;
  operation: JsonObject;
  /** Parameters declared on the path item, shared by its operations. */
  shared: Json[];
  where: string[];
}

function allOperations(spec: JsonObject): SpecOperation[] {
  const found: SpecOperation[] = [];
  const paths = objectAt(spec.paths, ["paths"]);
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const [method, operation] of Object.entries(item)) {
      if (HTTP_METHODS.has(method) && isObject(operation)) {
        found.push({ path, method, operation, shared, where: ["paths", path, method] });
      }
    }
  }
  return found;
}

function findOperation(spec: JsonObject, operationId: string): SpecOperation {
  const found = allOperations(spec).find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new ContractError(`no operation has operationId ${operationId}`);
  return found;
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
    const graphqlName = graphqlNameOf(node, wireName, where);
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
    const secretFlag = node[X.secret];
    if (secretFlag !== undefined && typeof secretFlag !== "boolean") {
      fail(at(where, X.secret), "must be true or false");
    }
    const secret = secretFlag === true;
    return { wireName, graphqlName, required: required.has(wireName), exposed, schema, secret };
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

/** The wire name's GraphQL name: its `x-tokengate-graphql-name`, else camelCase. */
function graphqlNameOf(node: JsonObject, wireName: string, where: string[]): string {
  // Read on the node itself: through a $ref it would be the target type's name.
  const override = node[X.graphqlName];
  return checkGraphQLName(
    override === undefined
      ? graphqlFieldName(wireName)
      : stringAt(override, at(where, X.graphqlName)),
    where.join("."),
  );
}

/** The path and query parameters of an operation (the path item's, then its own). */
function parametersOf(spec: JsonObject, found: SpecOperation, fail: Fail): ParameterContract[] {
  const own = Array.isArray(found.operation.parameters) ? found.operation.parameters : [];
  const names = new Map<string, string>();
  return [...found.shared, ...own].map((raw, index): ParameterContract => {
    const where = [...found.where, "parameters", String(index)];
    const node = objectAt(
      isObject(raw) && typeof raw.$ref === "string" ? resolvePointer(spec, raw.$ref) : raw,
      where,
    );
    const wireName = stringAt(node.name, at(where, "name"));
    const place = node.in;
    if (place !== "path" && place !== "query") {
      fail(
        `parameter ${wireName} is in ${String(place)}; only path and query parameters are carried`,
      );
    }
    const schema = objectAt(inlineSchema(spec, objectAt(node.schema, at(where, "schema"))), where);
    const graphqlName = graphqlNameOf(node, wireName, where);
    const clash = names.get(graphqlName);
    if (clash)
      fail(`parameters ${wireName} and ${clash} are both the GraphQL argument ${graphqlName}`);
    names.set(graphqlName, wireName);
    return {
      wireName,
      graphqlName,
      in: place,
      // OpenAPI: a path parameter is always required.
      required: place === "path" || node.required === true,
      exposed: true,
      schema,
      secret: false,
      description: typeof node.description === "string" ? node.description : "",
    };
  });
}

/** Refuses an annotation the generators cannot carry, naming the operation and the reason. */
type Fail = (reason: string) => never;

function graphqlOf(
  found: SpecOperation,
  operationId: string,
  hasBody: boolean,
  fail: Fail,
): GraphQLOperation {
  const graphqlWhere = at(found.where, X.graphql);
  const graphql = objectAt(found.operation[X.graphql], graphqlWhere);
  const name = (key: string): string | null =>
    graphql[key] === undefined
      ? null
      : checkGraphQLName(stringAt(graphql[key], at(graphqlWhere, key)), graphqlWhere.join("."));
  const root = found.method === "get" ? "Query" : "Mutation";
  const input = name("input");
  if (hasBody && input === null)
    fail("it has a request body, so x-tokengate-graphql needs an input type name");
  if (!hasBody && input !== null)
    fail(`it has no request body, so it takes arguments, not the input type ${input}`);
  const output = name("output");
  if (output === null) fail("x-tokengate-graphql needs an output type name");
  return { root, field: name("field") ?? operationId, input, output };
}

/**
 * Reads one operation and the `x-tokengate-*` extensions on it: where it sits
 * in GraphQL, its parameters or request body fields, its success body, and
 * every documented error with the client kind and GraphQL code it maps to.
 * Throws a `ContractError` naming the operation and the reason when it cannot
 * be carried, or the spec node when an extension is missing or malformed.
 */
export function readOperation(spec: JsonObject, operationId: string): OperationContract {
  const found = findOperation(spec, operationId);
  const { path, method, operation, where } = found;
  const fail: Fail = (reason) => {
    throw new ContractError(
      `operation ${operationId} (${method.toUpperCase()} ${path}): ${reason}`,
    );
  };
  const hasBody = operation.requestBody !== undefined;
  if (hasBody && method === "get") fail("a GET with a request body is not carried");
  const graphql = graphqlOf(found, operationId, hasBody, fail);
  const parameters = parametersOf(spec, found, fail);
  if (hasBody && parameters.length > 0) {
    fail("an operation with both parameters and a request body is not carried yet");
  }
  for (const match of path.matchAll(/\{([^}]+)\}/g)) {
    if (!parameters.some((p) => p.in === "path" && p.wireName === match[1])) {
      fail(`path parameter ${match[1]} is not declared`);
    }
  }
  const request = hasBody
    ? jsonBody(
        spec,
        objectAt(operation.requestBody, at(where, "requestBody")),
        at(where, "requestBody"),
        "request",
      )
    : null;

  const responsesWhere = at(where, "responses");
  const responses = objectAt(operation.responses, responsesWhere);
  let success: OperationContract["success"] | undefined;
  const errors: ErrorContract[] = [];
  for (const [statusText, response] of Object.entries(responses)) {
    const responseWhere = at(responsesWhere, statusText);
    const status = Number(statusText);
    if (!Number.isInteger(status))
      fail(`response ${statusText}: only numeric statuses are carried`);
    const node = objectAt(response, responseWhere);
    const body = jsonBody(spec, node, responseWhere, "response");
    if (status >= 200 && status < 300) {
      if (success) fail("only one success response is carried");
      success = { ...body, status };
      continue;
    }
    const graphqlCode = graphqlCodeAt(node[X.graphqlCode], at(responseWhere, X.graphqlCode));
    const bodyRequired = node[X.bodyRequired];
    if (bodyRequired !== undefined && typeof bodyRequired !== "boolean") {
      fail(`response ${status}: ${X.bodyRequired} must be true or false`);
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
  if (!success) fail("it must document one 2xx response");
  return {
    operationId,
    summary: typeof operation.summary === "string" ? operation.summary : "",
    method: method.toUpperCase(),
    path,
    graphql,
    parameters,
    request,
    success,
    errors,
  };
}

/**
 * Every operation that carries `x-tokengate-graphql`, in spec order; the one
 * list both generators walk, so none is skipped silently.
 */
export function readOperations(spec: JsonObject): OperationContract[] {
  const operations = allOperations(spec)
    .filter(({ operation }) => operation[X.graphql] !== undefined)
    .map(({ operation, where }) =>
      readOperation(spec, stringAt(operation.operationId, at(where, "operationId"))),
    );
  const fields = new Map<string, string>();
  for (const { operationId, graphql } of operations) {
    const key = `${graphql.root}.${graphql.field}`;
    const clash = fields.get(key);
    if (clash) {
      throw new ContractError(`operations ${clash} and ${operationId} are both ${key}`);
    }
    fields.set(key, operationId);
  }
  return operations;
}
