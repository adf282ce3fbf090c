import { ContractError } from "./spec.js";

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Throws unless `name` is a valid GraphQL name; `where` says which spec node asked for it. */
export function checkGraphQLName(name: string, where: string): string {
  if (!GRAPHQL_NAME.test(name)) {
    throw new ContractError(`${where}: "${name}" is not a GraphQL name`);
  }
  return name;
}

function words(wireName: string): string[] {
  return wireName.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/** `customer_guid` → `customerGuid`: a wire field's default GraphQL name. */
export function graphqlFieldName(wireName: string): string {
  return words(wireName)
    .map((word, index) =>
      index === 0
        ? word.charAt(0).toLowerCase() + word.slice(1)
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join("");
}

/** `data_region` → `DataRegion`: the default GraphQL type name of an inline enum. */
export function graphqlTypeName(wireName: string): string {
  return words(wireName)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** `customers:pii:read` → `CUSTOMERS_PII_READ`: a GraphQL enum value name for a wire value. */
export function graphqlEnumValueName(wireValue: string): string {
  const name = words(wireValue).join("_").toUpperCase();
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
