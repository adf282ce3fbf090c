import { describe, expect, it } from "vitest";
import { recordedKeys } from "../src/diff/changelog.js";
import { documentChanges } from "../src/diff/document-changes.js";
import { report } from "../src/diff/report.js";
import { sdlChanges } from "../src/diff/sdl-changes.js";
import { specChanges } from "../src/diff/spec-changes.js";
import type { JsonObject } from "../src/spec.js";

/** A small spec in the shape of tokengate's: one operation, a named enum, an object body. */
function spec(edit: (body: JsonObject, scopes: string[]) => void = () => {}): JsonObject {
  const scopes = ["customers:read", "accounts:read", "plans:read"];
  const body: JsonObject = {
    type: "object",
    required: ["customer_guid", "scopes"],
    properties: {
      customer_guid: { type: "string", minLength: 32, maxLength: 32 },
      scopes: { type: "array", items: { $ref: "#/components/schemas/Scope" } },
    },
  };
  edit(body, scopes);
  return {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/api/customer_tokens": {
        post: {
          operationId: "createCustomerToken",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Body" } } },
          },
          responses: { "201": { description: "created" } },
        },
      },
    },
    components: { schemas: { Scope: { type: "string", enum: scopes }, Body: body } },
  };
}

const properties = (body: JsonObject) => body.properties as JsonObject;

describe("spec changes", () => {
  it.each([
    [
      "removing an enum value is breaking, keyed by the value",
      spec((_body, scopes) => scopes.splice(2, 1)),
      { severity: "breaking", key: "plans:read" },
    ],
    [
      "adding an enum value is safe",
      spec((_body, scopes) => scopes.push("trades:read")),
      { severity: "safe", key: "trades:read" },
    ],
    [
      "adding an optional request field is safe",
      spec((body) => {
        properties(body).label = { type: "string" };
      }),
      { severity: "safe", key: "POST /api/customer_tokens request body label" },
    ],
    [
      "adding a required request field is breaking",
      spec((body) => {
        properties(body).label = { type: "string" };
        (body.required as string[]).push("label");
      }),
      { severity: "breaking" },
    ],
    [
      "tightening a bound is breaking",
      spec((body) => {
        (properties(body).customer_guid as JsonObject).maxLength = 16;
      }),
      {
        severity: "breaking",
        key: "POST /api/customer_tokens request body customer_guid maxLength",
      },
    ],
  ])("%s", (_name, after, want) => {
    const changes = specChanges(spec(), after, "spec/openapi.yaml");
    expect(changes).toContainEqual(expect.objectContaining(want));
    // Component copies of the same change are left out: it is reported where the operation uses it.
    expect(changes.every((change) => change.message.startsWith("POST /api/customer_tokens"))).toBe(
      true,
    );
  });

  it("finds nothing when nothing changed", () => {
    expect(specChanges(spec(), spec(), "spec/openapi.yaml")).toEqual([]);
  });
});

/** `spec()` with a GET beside the mint: two query parameters. */
function withList(edit: (parameters: JsonObject[]) => void = () => {}): JsonObject {
  const parameters: JsonObject[] = [
    { name: "page", in: "query", schema: { type: "integer" } },
    { name: "per_page", in: "query", schema: { type: "integer" } },
  ];
  edit(parameters);
  const base = spec();
  (base.paths as JsonObject)["/api/bank_applications"] = {
    get: {
      operationId: "listBankApplications",
      parameters,
      responses: { "200": { description: "ok" } },
    },
  };
  return base;
}

describe("spec changes to operations", () => {
  it.each([
    ["adding an operation is safe", spec(), withList(), "safe", "GET /api/bank_applications"],
    [
      "removing an operation is breaking",
      withList(),
      spec(),
      "breaking",
      "GET /api/bank_applications",
    ],
    [
      "removing a parameter is breaking, keyed by its name",
      withList(),
      withList((parameters) => parameters.splice(0, 1)),
      "breaking",
      "GET /api/bank_applications parameter page",
    ],
  ])("%s", (_name, before, after, severity, key) => {
    expect(specChanges(before, after, "spec/openapi.yaml")).toContainEqual(
      expect.objectContaining({ severity, key }),
    );
  });
});

const SDL = /* GraphQL */ `
  enum Scope { CUSTOMERS_READ PLANS_READ }
  input MintInput { customerGuid: String! scopes: [Scope!]! }
  type Query { ok: Boolean list(page: Int, perPage: Int): Page! }
  type Page { total: Int! name: String }
  type Mutation { mint(input: MintInput!): String }
`;

describe("SDL changes", () => {
  it.each([
    [
      "removing an enum value is breaking, keyed by its schema coordinate",
      SDL.replace(" PLANS_READ", ""),
      { severity: "breaking", key: "Scope.PLANS_READ" },
    ],
    [
      "adding an optional input field is safe",
      SDL.replace("scopes: [Scope!]!", "scopes: [Scope!]! label: String"),
      { severity: "safe", key: "MintInput.label" },
    ],
    [
      "adding a query field is safe",
      SDL.replace("ok: Boolean", "ok: Boolean more: Int"),
      { severity: "safe", key: "Query.more" },
    ],
    [
      "removing a query field is breaking",
      SDL.replace(" list(page: Int, perPage: Int): Page!", ""),
      { severity: "breaking", key: "Query.list" },
    ],
    [
      "removing an argument is breaking",
      SDL.replace(", perPage: Int", ""),
      { severity: "breaking", key: "Query.list.perPage" },
    ],
    [
      "removing an output field is breaking",
      SDL.replace(" name: String", ""),
      { severity: "breaking", key: "Page.name" },
    ],
    [
      "adding a required input field is breaking",
      SDL.replace("scopes: [Scope!]!", "scopes: [Scope!]! label: String!"),
      { severity: "breaking", key: "MintInput.label" },
    ],
  ])("%s", async (_name, after, want) => {
    expect(await sdlChanges(SDL, after, "schema.graphql")).toContainEqual(
      expect.objectContaining(want),
    );
  });
});

describe("trusted-document changes", () => {
  const MINT = "mutation MintCustomerToken { mint }";
  const LIST = "query ListBankApplications { list }";
  const manifest = (documents: Record<string, string>) => JSON.stringify(documents);
  const BOTH = manifest({ "id-mint": MINT, "id-list": LIST });

  it.each([
    [
      "a removed id is breaking, keyed by the id, naming its operation",
      manifest({ "id-mint": MINT }),
      [
        {
          severity: "breaking",
          key: "id-list",
          message: expect.stringMatching(/ListBankApplications/),
        },
      ],
    ],
    [
      "a changed document (a new id for it) is breaking for the old id and safe for the new",
      manifest({ "id-mint": MINT, "id-list-2": `${LIST} ` }),
      [
        { severity: "breaking", key: "id-list" },
        { severity: "safe", key: "id-list-2" },
      ],
    ],
    [
      "an added id is safe",
      manifest({ "id-mint": MINT, "id-list": LIST, "id-new": "query New { x }" }),
      [{ severity: "safe", key: "id-new", message: expect.stringMatching(/New/) }],
    ],
    ["nothing changed is nothing", BOTH, []],
    [
      "a manifest that is gone removes every id",
      null,
      [
        { severity: "breaking", key: "id-mint" },
        { severity: "breaking", key: "id-list" },
      ],
    ],
  ])("%s", (_name, after, want) => {
    expect(documentChanges(BOTH, after, "m.json")).toEqual(
      want.map((change) => expect.objectContaining(change)),
    );
  });

  it("refuses a manifest that is not a map of ids to documents", () => {
    expect(() => documentChanges(BOTH, "[1]", "m.json")).toThrow(/m\.json is not a map/);
  });
});

describe("the CHANGELOG's Unreleased section", () => {
  const changelog = [
    "# Changelog",
    "## Unreleased",
    "### Breaking",
    "- Scope `plans:read` removed upstream (GraphQL: `Scope.PLANS_READ`).",
    "## 0.1.0",
    "- `customers:read` was once removed.",
  ].join("\n");

  it("records the keys written in backticks there, and only there", () => {
    expect(recordedKeys(changelog)).toEqual(new Set(["plans:read", "Scope.PLANS_READ"]));
  });

  it("records nothing when there is no Unreleased section", () => {
    expect(recordedKeys("# Changelog\n## 0.1.0\n- `plans:read`")).toEqual(new Set());
  });

  it("leaves a breaking change it does not record as the reason to fail", () => {
    const changes = [
      { severity: "breaking", file: "f", message: "m", key: "plans:read" },
      { severity: "breaking", file: "f", message: "m", key: "customers:read" },
      { severity: "safe", file: "f", message: "m", key: "x" },
    ] as const;
    const { unrecorded, text } = report(changes, [], "v0.1.0", recordedKeys(changelog));
    expect(unrecorded.map((change) => change.key)).toEqual(["customers:read"]);
    expect(text).toMatch(/plans:read.*recorded in CHANGELOG/);
    expect(text).toMatch(/2 breaking, 0 dangerous, 1 safe/);
  });

  it("fails on every breaking change when no CHANGELOG is checked", () => {
    const changes = [{ severity: "breaking", file: "f", message: "m", key: "plans:read" }] as const;
    expect(report(changes, [], "HEAD~1", null).unrecorded).toHaveLength(1);
  });
});
