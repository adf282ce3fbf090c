import { readFileSync } from "node:fs";
import { CUSTOMER_TOKEN_SCOPES } from "@tokengate/idp-client";
import { type GraphQLEnumType, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema, scopeEnumName } from "../src/index.js";
import { BANK_TOKEN, post, startGateway } from "./support/gateway.js";

const scopeEnum = schema.getType("CustomerTokenScope") as GraphQLEnumType;

describe("the CustomerTokenScope enum", () => {
  it("has one value per scope of the spec, mapped both ways without collisions", () => {
    const values = scopeEnum.getValues();
    expect(values).toHaveLength(CUSTOMER_TOKEN_SCOPES.length);
    const names = new Set(values.map((value) => value.name));
    const wires = new Set(values.map((value) => value.value));
    expect(names.size).toBe(CUSTOMER_TOKEN_SCOPES.length);
    expect([...wires]).toEqual([...CUSTOMER_TOKEN_SCOPES]);
    for (const value of values) {
      expect(value.name).toBe(scopeEnumName(String(value.value)));
      expect(value.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(value.description).toContain(String(value.value));
      expect(scopeEnum.parseValue(value.name)).toBe(value.value);
      expect(scopeEnum.serialize(value.value)).toBe(value.name);
    }
  });

  it("names customers:pii:read CUSTOMERS_PII_READ", () => {
    expect(scopeEnum.parseValue("CUSTOMERS_PII_READ")).toBe("customers:pii:read");
  });

  it("is answered by the customerTokenScopes query, with each scope's parts", async () => {
    const gateway = await startGateway("http://127.0.0.1:9");
    const { body } = await post(
      gateway,
      { query: "{ customerTokenScopes { scope wireValue resource access } }" },
      { authorization: BANK_TOKEN },
    );
    const scopes = (body.data as unknown as { customerTokenScopes: Record<string, string>[] })
      .customerTokenScopes;
    expect(scopes).toHaveLength(CUSTOMER_TOKEN_SCOPES.length);
    expect(scopes).toContainEqual({
      scope: "CUSTOMERS_PII_READ",
      wireValue: "customers:pii:read",
      resource: "customers",
      access: "pii:read",
    });
  });
});

describe("schema.graphql", () => {
  it("is the printed schema (run `pnpm generate` if not)", () => {
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    const body = committed.slice(committed.indexOf("\n\n") + 2);
    expect(body).toBe(`${printSchema(schema)}\n`);
  });
});
