/**
 * The generator over a new annotated operation: the fixture spec's
 * `getWidget` (a GET with a path parameter) and the SDL the gateway prints
 * for it. Its end-to-end run, through a scratch gateway, is the gateway's
 * fixture-spec test.
 */
import { loadSpec, readOperations } from "@tokengate/contract";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { renderOperations } from "../../scripts/operations/render.js";

const FIXTURE_SPEC = new URL(
  "../../../../apps/gateway/test/fixture-spec/openapi.yaml",
  import.meta.url,
);

const WIDGET_SDL = /* GraphQL */ `
  scalar DateTime
  type Widget { guid: String! label: String createdAt: DateTime! }
  type Query { widget(widgetGuid: String!): Widget! }
`;

const operations = readOperations(await loadSpec(FIXTURE_SPEC)).filter(
  ({ operationId }) => operationId === "getWidget",
);
const files = renderOperations(operations, buildSchema(WIDGET_SDL));

describe("a new annotated operation, generated", () => {
  it("gets a document named after its operationId, its arguments as variables, selecting every field", () => {
    const text = files["operations/getWidget.ts"] ?? "";
    const source = text
      .match(/GET_WIDGET_SOURCE = `([^`]*)`/)?.[1]
      ?.replace(/\s+/g, " ")
      .trim();
    expect(source).toBe(
      "query GetWidget($widgetGuid: String!) { widget(widgetGuid: $widgetGuid) { guid label createdAt } }",
    );
    expect(text).toContain("export type GetWidgetVariables = VariablesOf<typeof GetWidget>;");
    expect(text).toContain('export type Widget = ResultOf<typeof GetWidget>["widget"];');
  });

  it("reads its answer by the output type's non-null fields", () => {
    expect(files["operations/getWidget.ts"]).toContain(
      'typeof value.guid === "string" &&\n    typeof value.createdAt === "string",',
    );
  });

  it("gets a method named after its operationId whose variables are required when an argument is", () => {
    const methods = files["methods.ts"] ?? "";
    expect(methods).toContain(
      "getWidget(variables: GetWidgetVariables, options?: CallOptions): Promise<GetWidgetResult>;",
    );
    expect(methods).toContain('run("GetWidget", variables, GET_WIDGET_ANSWER, options)');
  });

  it("is in the trusted documents' list and in the package's exports", () => {
    expect(files["documents.ts"]).toContain("  GetWidget: GET_WIDGET_QUERY,");
    expect(files["index.ts"]).toContain(
      'export { GetWidget, type GetWidgetVariables, type GetWidgetResult, type Widget } from "./operations/getWidget.js";',
    );
  });

  it("refuses an operation the schema has no field for, naming it", () => {
    expect(() => renderOperations(operations, buildSchema("type Query { other: Int }"))).toThrow(
      /operation getWidget: schema\.graphql has no Query\.widget/,
    );
  });
});
