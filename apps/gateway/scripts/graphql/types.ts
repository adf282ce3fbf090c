/**
 * How a property's JSON schema becomes a GraphQL type: scalars by `type`,
 * enums by their values (one GraphQL enum per enum schema, named by its
 * component name, else by the field's GraphQL name in PascalCase), lists by
 * `items`. Anything else is refused with the spec location,
 * so an unsupported shape fails `pnpm generate` instead of vanishing.
 */
import {
  ContractError,
  checkGraphQLName,
  type FieldContract,
  graphqlEnumValueName,
  graphqlTypeName,
  isObject,
  type JsonObject,
} from "@tokengate/contract";

const SCALARS = { string: "String", integer: "Int", number: "Float", boolean: "Boolean" } as const;

export type Scalar = (typeof SCALARS)[keyof typeof SCALARS];

/** One GraphQL enum: its name, description and values (GraphQL name → wire value). */
export interface EnumType {
  name: string;
  description: string;
  values: { name: string; wireValue: string }[];
}

/** A field's GraphQL type: a scalar or an enum, maybe a list of them. */
export interface FieldType {
  base: { scalar: Scalar } | { enum: EnumType };
  list: boolean;
}

/** The enums a set of fields needs, by name; the same name twice must mean the same values. */
export class EnumRegistry {
  readonly enums = new Map<string, EnumType>();

  add(schema: JsonObject, fieldName: string, where: string): EnumType {
    const values = schema.enum;
    if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) {
      throw new ContractError(`${where}: only enums of strings become GraphQL enums`);
    }
    const name = checkGraphQLName(
      typeof schema.title === "string" ? schema.title : graphqlTypeName(fieldName),
      where,
    );
    const seen = new Map<string, string>();
    const enumType: EnumType = {
      name,
      description: typeof schema.description === "string" ? schema.description.trim() : "",
      values: (values as string[]).map((wireValue) => {
        const valueName = checkGraphQLName(graphqlEnumValueName(wireValue), where);
        const clash = seen.get(valueName);
        if (clash)
          throw new ContractError(`${where}: "${wireValue}" and "${clash}" are both ${valueName}`);
        seen.set(valueName, wireValue);
        return { name: valueName, wireValue };
      }),
    };
    const known = this.enums.get(name);
    if (known && JSON.stringify(known.values) !== JSON.stringify(enumType.values)) {
      throw new ContractError(`${where}: two different enums are both named ${name}`);
    }
    this.enums.set(name, known ?? enumType);
    return known ?? enumType;
  }
}

function baseType(
  schema: JsonObject,
  field: FieldContract,
  registry: EnumRegistry,
  where: string,
): FieldType["base"] {
  if (Array.isArray(schema.enum)) return { enum: registry.add(schema, field.graphqlName, where) };
  const type = schema.type;
  if (typeof type === "string" && type in SCALARS) {
    return { scalar: SCALARS[type as keyof typeof SCALARS] };
  }
  throw new ContractError(
    `${where}: a ${String(type ?? "schema without a type")} has no GraphQL form here yet (scalars, enums and lists of them do)`,
  );
}

/** The GraphQL type of one request or response field. */
export function fieldType(field: FieldContract, registry: EnumRegistry, where: string): FieldType {
  const { schema } = field;
  if (schema.type === "array") {
    const items = schema.items;
    if (!isObject(items) || items.type === "array") {
      throw new ContractError(`${where}: only lists of scalars or enums become GraphQL lists`);
    }
    return { base: baseType(items, field, registry, `${where}.items`), list: true };
  }
  return { base: baseType(schema, field, registry, where), list: false };
}
