/** `src/generated/enums.ts`: one GraphQL enum per enum schema the operations use. */
import type { EnumRegistry, EnumType } from "./types.js";

const str = (value: string) => JSON.stringify(value);

/** The generated constant of an enum: `CustomerTokenScope` → `CustomerTokenScopeEnum`. */
export const enumRef = (enumType: EnumType) => `${enumType.name}Enum`;

export function enumsFile(header: string, registry: EnumRegistry): string {
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
  return `${header}import { builder } from "../graphql/builder.js";

${blocks.join("\n\n")}

/** Each enum's GraphQL value name for a wire value. */
export const ENUM_VALUE_NAMES = {
${names}
} as const;
`;
}
