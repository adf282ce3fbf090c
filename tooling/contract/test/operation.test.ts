import { describe, expect, it } from "vitest";
import { ContractError, type JsonObject, readOperation, readOperations } from "../src/index.js";

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
    const { request, graphql, parameters } = readOperation(spec(), "mint");
    expect(graphql).toEqual({
      root: "Mutation",
      field: "mint",
      input: "MintInput",
      output: "Minted",
    });
    expect(parameters).toEqual([]);
    expect(
      request?.fields.map(({ wireName, graphqlName, required, exposed }) => ({
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

/** `spec()` with a GET beside the mint: a path parameter, a query parameter, a 404. */
function specWithGet(edit: (get: JsonObject) => void = () => {}) {
  const base = spec();
  const get: JsonObject = {
    operationId: "getThing",
    "x-tokengate-graphql": { field: "thing", output: "Thing" },
    parameters: [
      { name: "thing_guid", in: "path", required: true, schema: { type: "string" } },
      {
        name: "per_page",
        in: "query",
        description: "Page size.",
        schema: { type: "integer", minimum: 1 },
      },
    ],
    responses: {
      "200": {
        description: "ok",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Token" } } },
      },
    },
  };
  edit(get);
  (base.paths as JsonObject)["/things/{thing_guid}"] = { get };
  return base;
}

describe("readOperations", () => {
  it("reads every annotated operation: a GET becomes a Query field with its parameters as arguments", () => {
    const operations = readOperations(specWithGet());
    expect(operations.map(({ operationId }) => operationId)).toEqual(["mint", "getThing"]);
    const get = operations[1];
    expect(get?.graphql).toEqual({ root: "Query", field: "thing", input: null, output: "Thing" });
    expect(get?.method).toBe("GET");
    expect(get?.request).toBeNull();
    expect(
      get?.parameters.map(({ wireName, graphqlName, in: place, required }) => ({
        wireName,
        graphqlName,
        in: place,
        required,
      })),
    ).toEqual([
      { wireName: "thing_guid", graphqlName: "thingGuid", in: "path", required: true },
      { wireName: "per_page", graphqlName: "perPage", in: "query", required: false },
    ]);
  });

  it("skips an operation without x-tokengate-graphql", () => {
    const base = specWithGet((get) => {
      delete get["x-tokengate-graphql"];
    });
    expect(readOperations(base).map(({ operationId }) => operationId)).toEqual(["mint"]);
  });

  it.each([
    [
      "a GET with a request body",
      (get: JsonObject) => {
        get.requestBody = { content: {} };
      },
      /operation getThing \(GET \/things\/\{thing_guid\}\): a GET with a request body is not carried/,
    ],
    [
      "a header parameter",
      (get: JsonObject) => {
        (get.parameters as JsonObject[]).push({ name: "x-trace", in: "header", schema: {} });
      },
      /operation getThing .*parameter x-trace is in header; only path and query parameters are carried/,
    ],
    [
      "an input type without a body",
      (get: JsonObject) => {
        get["x-tokengate-graphql"] = { input: "ThingInput", output: "Thing" };
      },
      /operation getThing .*takes arguments, not the input type ThingInput/,
    ],
    [
      "an undeclared path parameter",
      (get: JsonObject) => {
        get.parameters = [];
      },
      /operation getThing .*path parameter thing_guid is not declared/,
    ],
    [
      "no success response",
      (get: JsonObject) => {
        get.responses = {};
      },
      /operation getThing .*must document one 2xx response/,
    ],
  ])("refuses %s, naming the operation and the reason", (_name, edit, message) => {
    const broken = specWithGet(edit);
    expect(() => readOperations(broken)).toThrow(ContractError);
    expect(() => readOperations(broken)).toThrow(message);
  });

  it("refuses two operations on one GraphQL field", () => {
    const broken = specWithGet();
    const copy = structuredClone(
      (broken.paths as JsonObject)["/things/{thing_guid}"],
    ) as JsonObject;
    ((copy.get as JsonObject).operationId as string) = "getOtherThing";
    (broken.paths as JsonObject)["/other/{thing_guid}"] = copy;
    expect(() => readOperations(broken)).toThrow(
      "operations getThing and getOtherThing are both Query.thing",
    );
  });
});
