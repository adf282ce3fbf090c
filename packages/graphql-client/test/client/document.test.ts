import { readFileSync } from "node:fs";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isObjectType,
  Kind,
  parse,
  type SelectionSetNode,
  validate,
} from "graphql";
import { describe, expect, it } from "vitest";
import { DOCUMENTS } from "../../src/generated/documents.js";
import { GATEWAY_ERROR_CODES } from "../../src/index.js";

const schema = buildSchema(
  readFileSync(new URL("../../../../apps/gateway/schema.graphql", import.meta.url), "utf8"),
);

/** Every field path a selection set reaches, e.g. `objects.clientId`. */
function selectedPaths(selectionSet: SelectionSetNode, prefix = ""): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) throw new Error(`a ${selection.kind} in a document`);
    const path = `${prefix}${selection.name.value}`;
    return selection.selectionSet ? selectedPaths(selection.selectionSet, `${path}.`) : [path];
  });
}

/** Every leaf field path of an object type, recursing into object fields. */
function leafPaths(typeName: string, prefix = ""): string[] {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return Object.values(type.getFields()).flatMap((field) => {
    const named = getNamedType(field.type);
    const path = `${prefix}${field.name}`;
    return isObjectType(named) ? leafPaths(named.name, `${path}.`) : [path];
  });
}

const documents = Object.entries(DOCUMENTS);

describe("the client's view of the gateway's schema.graphql", () => {
  it("has a document for each of the gateway's operations", () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      "CreateCustomerToken",
      "ListBankApplications",
    ]);
  });

  it.each(documents)("sends %s as a document the schema validates", (_name, text) => {
    expect(validate(schema, parse(text))).toEqual([]);
  });

  it.each(documents)(
    "selects every field of %s's output type, so a new one cannot be missed",
    (name, text) => {
      const [operation] = parse(text).definitions;
      if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error("no operation");
      expect(operation.name?.value).toBe(name);
      const [root] = operation.selectionSet.selections;
      if (root?.kind !== Kind.FIELD || !root.selectionSet) throw new Error("no selection");
      const rootType =
        operation.operation === "query" ? schema.getQueryType() : schema.getMutationType();
      const output = getNamedType(rootType?.getFields()[root.name.value]?.type);
      if (!output) throw new Error(`the schema has no ${root.name.value}`);
      expect(selectedPaths(root.selectionSet).sort()).toEqual(leafPaths(output.name).sort());
    },
  );

  it("knows every code of the GatewayErrorCode enum", () => {
    const codes = schema.getType("GatewayErrorCode");
    if (!isEnumType(codes)) throw new Error("no GatewayErrorCode enum");
    expect([...GATEWAY_ERROR_CODES]).toEqual(codes.getValues().map(({ name }) => name));
  });
});
