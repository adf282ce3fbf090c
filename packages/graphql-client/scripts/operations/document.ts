import type { OperationContract } from "@tokengate/contract";
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";

/** What the client's document of one operation is made of, read from the gateway's schema. */
export interface OperationDocument {
  /** The operationId in PascalCase: the document's operation name, e.g. `CreateCustomerToken`. */
  name: string;
  /** The operation's text: the root field with its arguments as variables, selecting every field. */
  source: string;
  /** The root field, e.g. `createCustomerToken`. */
  field: string;
  /** The field's output type, e.g. `CustomerToken`. */
  output: string;
  /** `input` when the field's one argument is an input object (a request body), else `variables`. */
  takes: "input" | "variables";
  /** True when a variable is non-null: the method's variables are then required. */
  requiresVariables: boolean;
  /** The JSON checks that tell the output type from anything else: one per non-null field. */
  holds: string[];
}

/** `createCustomerToken` → `CreateCustomerToken`: the operation's name in documents and types. */
export function pascalCase(operationId: string): string {
  return operationId.charAt(0).toUpperCase() + operationId.slice(1);
}

/** `createCustomerToken` → `CREATE_CUSTOMER_TOKEN`: the prefix of an operation's constants. */
export function constantCase(operationId: string): string {
  return operationId.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

function fail(operation: OperationContract, problem: string): never {
  throw new Error(`operation ${operation.operationId}: ${problem}`);
}

/** Every field of an object type, recursing into object fields. */
function selection(
  type: GraphQLObjectType,
  indent: string,
  seen: readonly string[],
  operation: OperationContract,
): string[] {
  if (seen.includes(type.name)) {
    fail(operation, `${[...seen, type.name].join(" → ")} is a cycle; its selection has no end`);
  }
  const lines: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (field.args.some((arg) => isNonNullType(arg.type))) {
      fail(operation, `${type.name}.${field.name} takes a required argument`);
    }
    if (isObjectType(named)) {
      lines.push(`${indent}${field.name} {`);
      lines.push(...selection(named, `${indent}  `, [...seen, type.name], operation));
      lines.push(`${indent}}`);
    } else if (isScalarType(named) || isEnumType(named)) {
      lines.push(`${indent}${field.name}`);
    } else {
      fail(
        operation,
        `${type.name}.${field.name} is a ${named.name}, which has no fields to select`,
      );
    }
  }
  return lines;
}

const JSON_KINDS: Readonly<Record<string, string>> = {
  String: "string",
  ID: "string",
  DateTime: "string",
  Int: "number",
  Float: "number",
  Boolean: "boolean",
};

/** The check a non-null field's JSON value passes, e.g. `typeof value.accessToken === "string"`. */
function checkOf(field: GraphQLField<unknown, unknown>): string | null {
  const type = getNullableType(field.type);
  const value = `value.${field.name}`;
  if (isListType(type)) return `Array.isArray(${value})`;
  if (isObjectType(type)) return `typeof ${value} === "object" && ${value} !== null`;
  if (isEnumType(type)) return `typeof ${value} === "string"`;
  const kind = JSON_KINDS[type.name];
  return kind ? `typeof ${value} === "${kind}"` : null;
}

/** The client's document of one annotated operation, from the gateway's schema. */
export function operationDocument(
  operation: OperationContract,
  schema: GraphQLSchema,
): OperationDocument {
  const { root, field: fieldName, output } = operation.graphql;
  const rootType = root === "Query" ? schema.getQueryType() : schema.getMutationType();
  const field = rootType?.getFields()[fieldName];
  if (!field)
    fail(operation, `schema.graphql has no ${root}.${fieldName}: run the gateway's generate first`);
  const type = getNamedType(field.type);
  if (!isObjectType(type) || type.name !== output) {
    fail(operation, `${root}.${fieldName} is not of its output type ${output}`);
  }
  const [only] = field.args;
  const takes =
    field.args.length === 1 && only?.name === "input" && isInputObjectType(getNamedType(only.type))
      ? "input"
      : "variables";
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const name = pascalCase(operation.operationId);
  const keyword = root === "Query" ? "query" : "mutation";
  const source = [
    "",
    `  ${keyword} ${name}${variables ? `(${variables})` : ""} {`,
    `    ${fieldName}${args ? `(${args})` : ""} {`,
    ...selection(type, "      ", [], operation),
    "    }",
    "  }",
    "",
  ].join("\n");
  const holds = Object.values(type.getFields())
    .filter((candidate) => isNonNullType(candidate.type))
    .map(checkOf)
    .filter((check): check is string => check !== null);
  return {
    name,
    source,
    field: fieldName,
    output,
    takes,
    requiresVariables: field.args.some((arg) => isNonNullType(arg.type)),
    holds,
  };
}
