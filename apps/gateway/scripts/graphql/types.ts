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

export type Scalar = (typeof SCALARS)[keyof typeof SCALARS] | "DateTime";

/** One GraphQL enum: its name, description and values (GraphQL name → wire value). */
export interface EnumType {
  name: string;
  description: string;
  values: { name: string; wireValue: string }[];
}

/** A field's GraphQL type: a scalar, an enum or (in an answer) an object, maybe a list of them. */
export interface FieldType {
  base: { scalar: Scalar } | { enum: EnumType } | { object: { name: string; schema: JsonObject } };
  list: boolean;
}

/** Where a field is: an input (argument or input type) or an answer's output type. */
export type Side = "input" | "output";

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
  side: Side,
): FieldType["base"] {
  if (Array.isArray(schema.enum)) return { enum: registry.add(schema, field.graphqlName, where) };
  const type = schema.type;
  if (type === "string" && schema.format === "date-time") {
    if (side === "input") {
      throw new ContractError(`${where}: a date-time request field has no GraphQL form here yet`);
    }
    return { scalar: "DateTime" };
  }
  if (type === "object" && side === "output") {
    const name = typeof schema.title === "string" ? schema.title : "";
    if (!name) {
      throw new ContractError(
        `${where}: a nested object must be a named component to become a GraphQL type`,
      );
    }
    return { object: { name: checkGraphQLName(name, where), schema } };
  }
  if (typeof type === "string" && type in SCALARS) {
    return { scalar: SCALARS[type as keyof typeof SCALARS] };
  }
  throw new ContractError(
    `${where}: a ${String(type ?? "schema without a type")} has no GraphQL form here yet (scalars, enums and lists of them do)`,
  );
}

/** The GraphQL type of one request or response field. */
export function fieldType(
  field: FieldContract,
  registry: EnumRegistry,
  where: string,
  side: Side,
): FieldType {
  const { schema } = field;
  if (schema.type === "array") {
    const items = schema.items;
    if (!isObject(items) || items.type === "array") {
      throw new ContractError(
        `${where}: only lists of scalars, enums or objects become GraphQL lists`,
      );
    }
    return { base: baseType(items, field, registry, `${where}.items`, side), list: true };
  }
  return { base: baseType(schema, field, registry, where, side), list: false };
}
