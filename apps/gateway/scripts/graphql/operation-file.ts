/**
 * `src/generated/operations/<operationId>.ts`: one operation's GraphQL side.
 * A body becomes the input type of its one `input` argument; path and query
 * parameters become arguments. The answer becomes the output type (nested
 * objects become object types named by their components), resolved from
 * `{ answer, request }`. The field runs the one operation pipeline.
 */
import type { FieldContract, OperationContract } from "@tokengate/contract";
import { inputFieldDescription, outputFieldDescription, prose } from "./describe.js";
import { enumRef } from "./enums-file.js";
import { nestedFields } from "./objects.js";
import { type EnumRegistry, type FieldType, fieldType } from "./types.js";

const str = (value: unknown) => JSON.stringify(value);

/** `createCustomerToken` → `CreateCustomerToken`. */
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function typeExpression({ base, list }: FieldType): string {
  const name =
    "scalar" in base
      ? str(base.scalar)
      : "enum" in base
        ? enumRef(base.enum)
        : `${base.object.name}Ref`;
  return list ? `[${name}]` : name;
}

function renamesOf(fields: readonly FieldContract[]): Map<string, string> {
  return new Map(
    fields
      .filter((field) => field.wireName !== field.graphqlName)
      .map((field) => [field.wireName, field.graphqlName]),
  );
}

/** The fields of the request the caller writes: a body's exposed fields, or the parameters. */
function requestFields(operation: OperationContract): FieldContract[] {
  return operation.request
    ? operation.request.fields.filter((field) => field.exposed)
    : operation.parameters;
}

function inputFields(
  fields: readonly FieldContract[],
  registry: EnumRegistry,
  where: string,
  builderCall: "t.field" | "t.arg",
): string {
  const renames = renamesOf(fields);
  return fields
    .map((field) => {
      const type = typeExpression(
        fieldType(field, registry, `${where}.${field.wireName}`, "input"),
      );
      const required = field.required ? " required: true," : "";
      const described =
        "description" in field && typeof field.description === "string" && field.description
          ? { ...field, schema: { description: field.description, ...field.schema } }
          : field;
      const description = str(inputFieldDescription(described, renames));
      return `    ${field.graphqlName}: ${builderCall}({ type: ${type},${required} description: ${description} }),`;
    })
    .join("\n");
}

/** A value of a wire field as its GraphQL field gives it: a date-time string as a `Date`. */
function resolved(type: FieldType, field: FieldContract, from: string): string {
  const value = `${from}[${str(field.wireName)}]`;
  if (!("scalar" in type.base) || type.base.scalar !== "DateTime") return value;
  if (type.list) return `${value}?.map((text) => new Date(text))`;
  return field.required
    ? `new Date(${value})`
    : `${value} === undefined ? null : new Date(${value})`;
}

interface OutputTypes {
  /** Object types still to write, by name. */
  pending: Map<string, FieldContract[]>;
  written: string[];
}

function objectFields(
  fields: readonly FieldContract[],
  registry: EnumRegistry,
  where: string,
  from: (field: FieldContract) => string,
  types: OutputTypes,
): string {
  const renames = renamesOf(fields);
  return fields
    .filter((field) => field.exposed)
    .map((field) => {
      const type = fieldType(field, registry, `${where}.${field.wireName}`, "output");
      if ("object" in type.base && !types.written.includes(type.base.object.name)) {
        types.pending.set(
          type.base.object.name,
          nestedFields(type.base.object.schema, `${where}.${field.wireName}`),
        );
      }
      const nullable = field.required ? "" : " nullable: true,";
      return `    ${field.graphqlName}: t.field({
      type: ${typeExpression(type)},${nullable}
      description: ${str(outputFieldDescription(field, renames))},
      resolve: (source) => ${resolved(type, field, from(field))},
    }),`;
    })
    .join("\n");
}

/** The object types nested in an answer: each resolved from the wire object itself. */
function nestedTypes(registry: EnumRegistry, where: string, types: OutputTypes): string[] {
  const blocks: string[] = [];
  for (
    let next = types.pending.entries().next();
    !next.done;
    next = types.pending.entries().next()
  ) {
    const [name, fields] = next.value;
    types.pending.delete(name);
    types.written.push(name);
    const body = objectFields(fields, registry, `${where}.${name}`, () => "source", types);
    blocks.push(`/** The upstream's \`${name}\`, in GraphQL names. */
export const ${name}Ref = builder.objectRef<components["schemas"][${str(name)}]>(${str(name)});

builder.objectType(${name}Ref, {
  fields: (t) => ({
${body}
  }),
});`);
  }
  return blocks;
}

export function operationFile(
  header: string,
  operation: OperationContract,
  registry: EnumRegistry,
  options: { hasPolicy: boolean; hasReuse: boolean; hasAudit: boolean },
): string {
  const { operationId, graphql, success } = operation;
  const base = pascal(operationId);
  const where = `paths.${operation.path}.${operation.method.toLowerCase()}`;
  const fields = requestFields(operation);
  const fieldMap = fields
    .map((field) => `  ${field.graphqlName}: ${str(field.wireName)},`)
    .join("\n");

  const blocks: string[] = [];
  let args: string;
  let wire: string;
  if (operation.request && graphql.input) {
    const renames = renamesOf(operation.request.fields);
    const description = `${prose(operation.request.schema.description, renames)} The upstream's \`${operation.request.schemaName}\`, in GraphQL names.`;
    blocks.push(`export const ${graphql.input} = builder.inputType(${str(graphql.input)}, {
  description: ${str(description)},
  fields: (t) => ({
${inputFields(fields, registry, `components.schemas.${operation.request.schemaName}`, "t.field")}
  }),
});`);
    args = `{ input: t.arg({ type: ${graphql.input}, required: true }) }`;
    wire = "toWire(FIELDS, args.input)";
  } else {
    args = `{\n${inputFields(fields, registry, `${where}.parameters`, "t.arg").replace(/^ {4}/gm, "        ")}\n      }`;
    wire = "toWire(FIELDS, args)";
  }

  const types: OutputTypes = { pending: new Map(), written: [] };
  const renames = renamesOf(success.fields);
  const outputBody = objectFields(
    success.fields,
    registry,
    `components.schemas.${success.schemaName}`,
    () => "source.answer",
    types,
  );
  blocks.push(`/** What \`${graphql.output}\` is resolved from: the upstream's ${success.status} body, the request it answered, and whether it was reused. */
export interface ${graphql.output}Source {
  answer: ${base}Data;
  request: ${base}Request;
  /** The answer was given to an earlier identical request (reuse), not fetched for this one. */
  reused: boolean;
}

/** \`${graphql.output}\`, with the fields of the upstream's \`${success.schemaName}\`; \`src/operations/${operationId}/\` may add its own. */
export const ${graphql.output}Ref = builder.objectRef<${graphql.output}Source>(${str(graphql.output)});

builder.objectType(${graphql.output}Ref, {
  description: ${str(`${prose(success.schema.description, renames)} From the upstream's \`${success.schemaName}\`.`)},
  fields: (t) => ({
${outputBody}
  }),
});`);
  blocks.push(...nestedTypes(registry, `components.schemas`, types));

  const errorCodes = operation.errors
    .map((error) => {
      const messageCodes = error.messageCodes
        .map(({ messageCode, graphqlCode }) => `      ${str(messageCode)}: ${str(graphqlCode)},`)
        .join("\n");
      return `  ${str(String(error.status))}: {\n    code: ${str(error.graphqlCode)},\n    messageCodes: {\n${messageCodes}\n    },\n  },`;
    })
    .join("\n");
  const secrets = success.fields.filter((field) => field.secret).map((field) => field.wireName);
  const policy = options.hasPolicy
    ? `import { policy } from "../../operations/${operationId}/policy.js";\n`
    : "";
  const reuse = options.hasReuse
    ? `import { reuse } from "../../operations/${operationId}/reuse.js";\n`
    : "";
  const audit = options.hasAudit
    ? `import { audit } from "../../operations/${operationId}/audit.js";\n`
    : "";
  const rootField = graphql.root === "Query" ? "queryField" : "mutationField";
  const enums = [...registry.enums.values()].map(enumRef);
  const usedEnums = enums.filter((name) => blocks.some((block) => block.includes(name))).sort();
  const what = operation.summary ? `${operation.summary} ` : "";
  const description = `${what}(\`${operation.method} ${operation.path}\` upstream), with the caller's bank token (passthrough mode) or the gateway's own (broker mode).`;

  const nested = types.written.length > 0 ? "  type components,\n" : "";
  return `${header}import {
${nested}  OPERATIONS,
  type ${base}Data,
  type ${base}Request,
} from "@tokengate/idp-client";
import { builder } from "../../graphql/builder.js";
import { toWire } from "../../operations/field-map.js";
${options.hasPolicy ? "" : 'import { adminOnly } from "../../operations/operation.js";\n'}import { defineOperation } from "../../operations/operation.js";
import { runOperation } from "../../operations/pipeline.js";
${policy}${reuse}${audit}${usedEnums.length > 0 ? `import { ${usedEnums.join(", ")} } from "../enums.js";\n` : ""}
/**
 * The one wire ↔ GraphQL field map of \`${operationId}\`'s request (GraphQL name →
 * wire name): it builds the upstream request and names fields in errors.
 */
const FIELDS = {
${fieldMap}
} as const satisfies Readonly<Record<string, keyof ${base}Request>>;

${blocks.join("\n\n")}

/** \`${operationId}\` as the operation pipeline carries it. */
export const ${operationId} = defineOperation<${base}Request, ${base}Data>({
  operationId: ${str(operationId)},
  validateRequest: OPERATIONS.${operationId}.validateRequest,
  fields: FIELDS,
  fieldPath: ${str(operation.request ? ["input"] : [])},
  // The GraphQL code of every documented error status (\`x-tokengate-graphql-code\`).
  errorCodes: {
${errorCodes.replace(/^/gm, "  ")}
  },
  secretFields: ${str(secrets)},
  policy: ${options.hasPolicy ? "policy" : "adminOnly"},
  reuse: ${options.hasReuse ? "reuse" : "null"},
  audit: ${options.hasAudit ? "audit" : "null"},
  call: (idp, request, options) => idp.${operationId}(request, options),
});

builder.${rootField}(${str(graphql.field)}, (t) =>
  t.field({
    description: ${str(description)},
    type: ${graphql.output}Ref,
    args: ${args},
    resolve: (_root, args, context) => runOperation(${operationId}, ${wire}, context),
  }),
);
`;
}
