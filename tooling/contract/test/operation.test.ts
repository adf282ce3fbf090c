import { describe, expect, it } from "vitest";
import { ContractError, type JsonObject, readOperation } from "../src/index.js";

function spec(edit: (parts: { body: JsonObject; error: JsonObject }) => void = () => {}) {
  const body: JsonObject = {
    type: "object",
    required: ["customer_guid"],
    properties: {
      customer_guid: { type: "string" },
      data_region: { type: "string", enum: ["us", "eu"], "x-tokengate-graphql-name": "region" },
      internal_note: { type: "string", "x-tokengate-graphql-exposed": false },
    },
  };
  const error: JsonObject = {
    description: "Unprocessable",
    "x-tokengate-error-kind": "unprocessable",
    "x-tokengate-graphql-code": "BAD_USER_INPUT",
    content: {
      "application/json": {
        schema: { $ref: "#/components/schemas/Error" },
        examples: {
          unknown: {
            "x-tokengate-graphql-code": "CUSTOMER_NOT_FOUND",
            value: { message_code: "no_customer" },
          },
          other: { value: { message_code: "bad_guid" } },
        },
      },
    },
  };
  edit({ body, error });
  const json = (name: string) => ({
    content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } },
  });
  return {
    openapi: "3.0.3",
    paths: {
      "/mint": {
        post: {
          operationId: "mint",
          "x-tokengate-graphql": { input: "MintInput", output: "Minted" },
          requestBody: json("Body"),
          responses: { "201": { description: "ok", ...json("Token") }, "422": error },
        },
      },
    },
    components: {
      schemas: {
        Body: body,
        Token: {
          type: "object",
          "x-tokengate-required": ["access_token"],
          properties: { access_token: { type: "string" } },
        },
        Error: { type: "object", properties: { message_code: { type: "string" } } },
      },
    },
  } satisfies JsonObject;
}

describe("readOperation", () => {
  it("reads fields, GraphQL names and exposure from the request schema", () => {
    const { request, graphql } = readOperation(spec(), "mint");
    expect(graphql).toEqual({ input: "MintInput", output: "Minted" });
    expect(
      request.fields.map(({ wireName, graphqlName, required, exposed }) => ({
        wireName,
        graphqlName,
        required,
        exposed,
      })),
    ).toEqual([
      { wireName: "customer_guid", graphqlName: "customerGuid", required: true, exposed: true },
      { wireName: "data_region", graphqlName: "region", required: false, exposed: true },
      { wireName: "internal_note", graphqlName: "internalNote", required: false, exposed: false },
    ]);
  });

  it("counts x-tokengate-required as required in a success body", () => {
    const { success } = readOperation(spec(), "mint");
    expect(success.status).toBe(201);
    expect(success.requiredByClient).toEqual(["access_token"]);
    expect(success.fields[0]?.required).toBe(true);
  });

  it("reads each documented error's kind, code and message codes", () => {
    expect(readOperation(spec(), "mint").errors).toEqual([
      expect.objectContaining({
        status: 422,
        kind: "unprocessable",
        graphqlCode: "BAD_USER_INPUT",
        bodyRequired: false,
        messageCodes: [
          { messageCode: "no_customer", graphqlCode: "CUSTOMER_NOT_FOUND" },
          { messageCode: "bad_guid", graphqlCode: "BAD_USER_INPUT" },
        ],
      }),
    ]);
  });

  it.each([
    [
      "an error without a kind",
      spec(({ error }) => {
        delete error["x-tokengate-error-kind"];
      }),
      /responses\.422\.x-tokengate-error-kind: must be a non-empty string/,
    ],
    [
      "an error without a GraphQL code",
      spec(({ error }) => {
        delete error["x-tokengate-graphql-code"];
      }),
      /responses\.422\.x-tokengate-graphql-code/,
    ],
    [
      "a code that is not UPPER_SNAKE",
      spec(({ error }) => {
        error["x-tokengate-graphql-code"] = "not found";
      }),
      /"not found" is not an UPPER_SNAKE code/,
    ],
    [
      "a hidden required field",
      spec(({ body }) => {
        (body.required as string[]).push("internal_note");
      }),
      /internal_note: a required field cannot be hidden/,
    ],
    [
      "two fields with one GraphQL name",
      spec(({ body }) => {
        (body.properties as JsonObject).customerGuid = { type: "string" };
      }),
      /GraphQL name customerGuid is also customer_guid's/,
    ],
  ])("refuses %s, naming the spec node", (_name, broken, message) => {
    expect(() => readOperation(broken, "mint")).toThrow(ContractError);
    expect(() => readOperation(broken, "mint")).toThrow(message);
  });
});
