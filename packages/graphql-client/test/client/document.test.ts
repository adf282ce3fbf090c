import { readFileSync } from "node:fs";
import { buildSchema, isEnumType, isObjectType, Kind, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { GATEWAY_ERROR_CODES } from "../../src/index.js";
import { MINT_CUSTOMER_TOKEN_QUERY } from "../../src/mint.js";

const schema = buildSchema(
  readFileSync(new URL("../../../../apps/gateway/schema.graphql", import.meta.url), "utf8"),
);

describe("the client's view of the gateway's schema.graphql", () => {
  it("sends a mutation the schema validates", () => {
    expect(validate(schema, parse(MINT_CUSTOMER_TOKEN_QUERY))).toEqual([]);
  });

  it("selects every field of CustomerToken, so a new one cannot be missed", () => {
    const type = schema.getType("CustomerToken");
    if (!isObjectType(type)) throw new Error("no CustomerToken type");
    const [operation] = parse(MINT_CUSTOMER_TOKEN_QUERY).definitions;
    if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error("no operation");
    const [mint] = operation.selectionSet.selections;
    if (mint?.kind !== Kind.FIELD || !mint.selectionSet) throw new Error("no selection");
    const selected = mint.selectionSet.selections.map((field) =>
      field.kind === Kind.FIELD ? field.name.value : field.kind,
    );
    expect(selected.sort()).toEqual(Object.keys(type.getFields()).sort());
  });

  it("knows every code of the GatewayErrorCode enum", () => {
    const codes = schema.getType("GatewayErrorCode");
    if (!isEnumType(codes)) throw new Error("no GatewayErrorCode enum");
    expect([...GATEWAY_ERROR_CODES]).toEqual(codes.getValues().map(({ name }) => name));
  });
});
