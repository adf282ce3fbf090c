/**
 * Writes the GraphQL side of the contract into `src/generated/` from
 * `spec/openapi.yaml`: the enums, the mutation's input type (names,
 * nullability, descriptions with the constraints stated), the one
 * wire ↔ GraphQL field map, the output type's fields that come from the
 * success body, and the GraphQL code of every documented error.
 * `print-schema.ts` then prints the SDL from the assembled schema.
 */
import { writeFile } from "node:fs/promises";
import {
  type FieldContract,
  loadSpec,
  type OperationContract,
  readOperation,
} from "@tokengate/contract";
import { inputFieldDescription, outputFieldDescription, prose } from "./graphql/describe.js";
import { EnumRegistry, type EnumType, type FieldType, fieldType } from "./graphql/types.js";

const specUrl = new URL("../../../spec/openapi.yaml", import.meta.url);
const outDir = new URL("../src/generated/", import.meta.url);

const HEADER = `/**
 * This file was auto-generated from spec/openapi.yaml by
 * apps/gateway/scripts/generate-graphql.ts. Do not edit it by hand:
 * change the spec and run \`pnpm generate\`.
 */
`;

const str = (value: string) => JSON.stringify(value);
const enumRef = (enumType: EnumType) => `${enumType.name}Enum`;

function typeExpression({ base, list }: FieldType): string {
  const name = "scalar" in base ? str(base.scalar) : enumRef(base.enum);
  return list ? `[${name}]` : name;
}

function renamesOf(fields: readonly FieldContract[]): Map<string, string> {
  return new Map(
    fields
      .filter((field) => field.wireName !== field.graphqlName)
      .map((field) => [field.wireName, field.graphqlName]),
  );
}

function enumsFile(registry: EnumRegistry): string {
  const blocks = [...registry.enums.values()].map((enumType) => {
    const description =
      `${enumType.description} Each value is sent upstream as its wire value.`.trim();
    const values = enumType.values
      .map(
        ({ name, wireValue }) =>
          `    ${name}: { value: ${str(wireValue)}, description: ${str(`Wire value \`${wireValue}\`.`)} },`,
      )
      .join("\n");
    return `export const ${enumRef(enumType)} = builder.enumType(${str(enumType.name)}, {
  description: ${str(description)},
  values: {
${values}
  } as const,
});`;
  });
  const names = [...registry.enums.values()]
    .map((enumType) => {
      const entries = enumType.values
        .map(({ name, wireValue }) => `    ${str(wireValue)}: ${str(name)},`)
        .join("\n");
      return `  ${enumType.name}: {\n${entries}\n  },`;
    })
    .join("\n");
  return `${HEADER}import { builder } from "../builder.js";

${blocks.join("\n\n")}

/** Each enum's GraphQL value name for a wire value. */
export const ENUM_VALUE_NAMES = {
${names}
} as const;
`;
}

function inputType(mint: OperationContract, registry: EnumRegistry, where: string): string {
  const exposed = mint.request.fields.filter((field) => field.exposed);
  const renames = renamesOf(mint.request.fields);
  const fields = exposed
    .map((field) => {
      const type = typeExpression(fieldType(field, registry, `${where}.${field.wireName}`));
      const required = field.required ? " required: true," : "";
      const description = str(inputFieldDescription(field, renames));
      return `    ${field.graphqlName}: t.field({ type: ${type},${required} description: ${description} }),`;
    })
    .join("\n");
  const description = `${prose(mint.request.schema.description, renames)} The upstream's \`${mint.request.schemaName}\`, in GraphQL names.`;
  return `export const ${mint.graphql.input} = builder.inputType(${str(mint.graphql.input)}, {
  description: ${str(description)},
  fields: (t) => ({
${fields}
  }),
});`;
}

function outputType(mint: OperationContract, registry: EnumRegistry, where: string): string {
  const renames = renamesOf(mint.success.fields);
  const fields = mint.success.fields
    .filter((field) => field.exposed)
    .map((field) => {
      const type = typeExpression(fieldType(field, registry, `${where}.${field.wireName}`));
      const nullable = field.required ? "" : " nullable: true,";
      const description = str(outputFieldDescription(field, renames));
      return `    ${field.graphqlName}: t.field({
      type: ${type},${nullable}
      description: ${description},
      resolve: ({ answer }) => answer[${str(field.wireName)}],
    }),`;
    })
    .join("\n");
  const output = mint.graphql.output;
  return `/** What \`${output}\` is resolved from: the upstream's ${mint.success.status} body, the request it answered, and whether it was reused. */
export interface ${output}Source {
  answer: CustomerToken;
  request: CreateCustomerTokenRequest;
  /** The answer was minted for an earlier identical request (token reuse), not for this one. */
  reused: boolean;
}

/** \`${output}\`, with the fields of the upstream's \`${mint.success.schemaName}\`; the gateway adds its own in src/schema/. */
export const ${output}Ref = builder.objectRef<${output}Source>(${str(output)});

builder.objectType(${output}Ref, {
  description: ${str(`${prose(mint.success.schema.description, renames)} From the upstream's \`${mint.success.schemaName}\`.`)},
  fields: (t) => ({
${fields}
  }),
});`;
}

function errorCodes(mint: OperationContract): string {
  const entries = mint.errors
    .map((error) => {
      const messageCodes = error.messageCodes
        .map(({ messageCode, graphqlCode }) => `      ${str(messageCode)}: ${str(graphqlCode)},`)
        .join("\n");
      return `  ${str(String(error.status))}: {
    code: ${str(error.graphqlCode)},
    messageCodes: {
${messageCodes}
    },
  },`;
    })
    .join("\n");
  return `${HEADER}import type { CREATE_CUSTOMER_TOKEN_ERRORS } from "@tokengate/idp-client";
import type { GatewayErrorCode } from "../error-codes.js";

/** An answered error's GraphQL code, and the code of each documented \`message_code\` (\`x-tokengate-graphql-code\`). */
interface DocumentedErrorCodes {
  readonly code: GatewayErrorCode;
  readonly messageCodes: Readonly<Record<string, GatewayErrorCode>>;
}

/** The GraphQL code of every documented error status of \`${mint.method.toUpperCase()} ${mint.path}\`. */
export const ${constantName(mint.operationId)}_ERROR_CODES = {
${entries}
} as const satisfies Readonly<
  Record<keyof typeof CREATE_CUSTOMER_TOKEN_ERRORS, DocumentedErrorCodes>
>;
`;
}

function fieldMapFile(mint: OperationContract): string {
  const map = mint.request.fields
    .filter((field) => field.exposed)
    .map((field) => `  ${field.graphqlName}: ${str(field.wireName)},`)
    .join("\n");
  return `${HEADER}import type { CreateCustomerTokenRequest } from "@tokengate/idp-client";

/**
 * The one wire ↔ GraphQL field map of \`${mint.graphql.input}\` (GraphQL name →
 * wire name): it builds the upstream body and names fields in errors.
 */
export const ${constantName(mint.graphql.input)}_FIELDS = {
${map}
} as const satisfies Readonly<Record<string, keyof CreateCustomerTokenRequest>>;
`;
}

/** `CreateCustomerTokenInput` → `CREATE_CUSTOMER_TOKEN_INPUT`. */
function constantName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

async function main(): Promise<void> {
  const spec = await loadSpec(specUrl);
  const mint = readOperation(spec, "createCustomerToken");
  const registry = new EnumRegistry();
  const input = inputType(mint, registry, `components.schemas.${mint.request.schemaName}`);
  const output = outputType(mint, registry, `components.schemas.${mint.success.schemaName}`);
  const enumImports = [...registry.enums.values()].map(enumRef).sort().join(", ");
  const operationFile = `${HEADER}import type { CreateCustomerTokenRequest, CustomerToken } from "@tokengate/idp-client";
import { builder } from "../builder.js";
${enumImports ? `import { ${enumImports} } from "./enums.js";\n` : ""}
${input}

${output}
`;
  const files = {
    "enums.ts": enumsFile(registry),
    "create-customer-token.ts": operationFile,
    "field-maps.ts": fieldMapFile(mint),
    "upstream-error-codes.ts": errorCodes(mint),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(new URL(name, outDir), text);
  console.log(
    `generated ${Object.keys(files)
      .map((name) => `src/generated/${name}`)
      .join(", ")}`,
  );
}

await main();
