/**
 * The fields of an object schema nested in an answer (a list of
 * applications, say), read like the contract reader reads a body's: GraphQL
 * name from `x-tokengate-graphql-name` or camelCase, required from
 * `required`. Each nested object becomes a GraphQL object type named by its
 * component.
 */
import {
  ContractError,
  checkGraphQLName,
  type FieldContract,
  graphqlFieldName,
  isObject,
  type JsonObject,
  X,
} from "@tokengate/contract";

/** The properties of an inlined object schema, as fields. */
export function nestedFields(schema: JsonObject, where: string): FieldContract[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).map(([wireName, property]) => {
    if (!isObject(property)) throw new ContractError(`${where}.${wireName}: must be an object`);
    const override = property[X.graphqlName];
    const graphqlName = checkGraphQLName(
      typeof override === "string" ? override : graphqlFieldName(wireName),
      `${where}.${wireName}`,
    );
    return {
      wireName,
      graphqlName,
      required: required.has(wireName),
      exposed: property[X.graphqlExposed] !== false,
      schema: property,
      secret: property[X.secret] === true,
    };
  });
}

/** An object schema's GraphQL type name: its component's (kept as `title` when inlined). */
export function objectTypeName(schema: JsonObject, where: string): string {
  if (typeof schema.title !== "string") {
    throw new ContractError(
      `${where}: a nested object must be a named component to become a GraphQL type`,
    );
  }
  return checkGraphQLName(schema.title, where);
}
