/**
 * The contract reaches GraphQL with no hand edit: a scratch copy of the
 * clients and the gateway gets a second, small spec (`openapi.yaml` beside
 * this file, not the real one), runs each package's generate steps in the
 * order `pnpm generate` does (the gateway's SDL, then the typed GraphQL
 * client's documents, then the gateway's trusted documents) and
 * `pnpm build`, and the gateway built from it is started by the same test
 * support as every other gateway test (`buildApp`, a free loopback port),
 * in front of a recording server and a Prism mock of that spec.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { forwardTo, type PrismMock, startFaultServer, startPrism } from "@tokengate/testkit";
import { preferResponse } from "@tokengate/testkit/vitest";
import { buildSchema, type GraphQLInputObjectType, type GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchWorkspace } from "./scratch-workspace.js";

const FIXTURE_SPEC = fileURLToPath(new URL("openapi.yaml", import.meta.url));
const GUID = "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4";
const VALID = { customerGuid: GUID, scopes: ["PLANS_READ"] };

// Built while the file is collected, so the scratch gateway's test support
// registers its hooks like any test file's.
const workspace = await scratchWorkspace(FIXTURE_SPEC);
/** `pnpm generate && pnpm build`'s steps, in turbo's order. */
const STEPS = [
  ["packages/idp-client", "generate"],
  ["packages/idp-client", "build"],
  ["apps/gateway", "generate:graphql"],
  ["packages/graphql-client", "generate"],
  ["apps/gateway", "generate"],
  ["apps/gateway", "build"],
  ["packages/graphql-client", "build"],
] as const;
try {
  for (const [pkg, script] of STEPS) await workspace.runScript(pkg, script);
} catch (error) {
  await workspace.remove();
  throw error;
}
const sdl = await readFile(join(workspace.root, "apps/gateway/schema.graphql"), "utf8");
const supportFile = join(workspace.root, "apps/gateway/test/support/gateway.ts");
const support: typeof import("../support/gateway.js") = await import(
  pathToFileURL(supportFile).href
);

let prism: PrismMock;
const recorders: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  prism = await startPrism({ spec: join(workspace.root, "spec/openapi.yaml") });
}, 60_000);
afterAll(async () => {
  await Promise.all(recorders.map((recorder) => recorder.close()));
  await prism?.stop();
  await workspace.remove();
});

/**
 * The scratch gateway over a real local server in front of the fixture's
 * Prism that records what reaches it; `prefer` picks Prism's answer.
 */
async function gatewayOverFixturePrism(prefer?: string) {
  const sent: unknown[] = [];
  const forward = forwardTo(prism.url, prefer ? { prefer } : {});
  const recorder = await startFaultServer((request, response, body) => {
    sent.push(body ? JSON.parse(body) : undefined);
    return forward(request, response, body);
  });
  recorders.push(recorder);
  return { gateway: await support.startGateway(recorder.url), sent };
}

describe("a spec with new fields, after pnpm generate && pnpm build alone", () => {
  it("prints each new request field in the SDL, described from its schema with its constraints", () => {
    const input = buildSchema(sdl).getType("CreateCustomerTokenInput") as GraphQLInputObjectType;
    const fields = input.getFields();
    expect(Object.keys(fields)).toEqual([
      "customerGuid",
      "scopes",
      "inheritIpAllowlist",
      "ipAllowlist",
      "label",
      "region",
      "lifetimeSeconds",
    ]);
    expect(String(fields.label?.type)).toBe("String");
    expect(fields.label?.description).toBe(
      "A note for the bank's own records. At most 40 characters. Omitted or null: not sent.",
    );
    expect(String(fields.region?.type)).toBe("Region");
    expect(fields.region?.description).toBe(
      "Where the token's data stays. Omitted or null: not sent.",
    );
    expect(String(fields.lifetimeSeconds?.type)).toBe("Int");
    expect(fields.lifetimeSeconds?.description).toBe(
      "How long the token lives, in seconds. From 60 to 86400. Omitted or null: not sent.",
    );
    expect(sdl).toMatch(
      /enum Region \{\s+"""Wire value `us`\."""\s+US\s+"""Wire value `eu`\."""\s+EU\s+\}/,
    );
  });

  it("keeps a field marked x-tokengate-graphql-exposed: false out of the input", () => {
    expect(sdl).not.toMatch(/auditRef|audit_ref/);
  });

  it("adds the answer's new field to the output type", () => {
    const output = buildSchema(sdl).getType("CustomerToken") as GraphQLObjectType;
    const expiresIn = output.getFields().expiresIn;
    expect(String(expiresIn?.type)).toBe("Int");
    expect(expiresIn?.description).toBe("Seconds until the token expires.");
  });

  it("forwards the new fields under their wire names and answers with the new output field", async () => {
    const { gateway, sent } = await gatewayOverFixturePrism();
    const { body } = await support.post(gateway, {
      query: `mutation Mint($input: CreateCustomerTokenInput!) {
        createCustomerToken(input: $input) { accessToken expiresIn expiresAt customerGuid scopes }
      }`,
      variables: {
        input: { ...VALID, label: "branch 12", region: "EU", lifetimeSeconds: 900 },
      },
    });
    expect(body.errors).toBeUndefined();
    expect(sent).toEqual([
      {
        customer_guid: GUID,
        scopes: ["plans:read"],
        label: "branch 12",
        data_region: "eu",
        lifetime_seconds: 900,
      },
    ]);
    expect(body.data?.createCustomerToken).toMatchObject({
      expiresIn: 900,
      expiresAt: "2030-01-01T00:00:00.000Z",
      customerGuid: GUID,
      scopes: ["PLANS_READ"],
    });
  });

  it.each([
    [
      "an integer out of its bounds",
      { lifetimeSeconds: 5 },
      /^Invalid input: input\.lifetimeSeconds must be from 60 to 86400 \(got 5\)$/,
    ],
    [
      "a string over its length",
      { label: "x".repeat(41) },
      /^Invalid input: input\.label must have at most 40 characters$/,
    ],
    ["a value of no enum value", { region: "MARS" }, /"MARS".*input\.region/],
    ["a string for an integer", { lifetimeSeconds: "900" }, /input\.lifetimeSeconds/],
  ])(
    "refuses %s with BAD_USER_INPUT naming the GraphQL field, sending nothing",
    async (_name, extra, message) => {
      const { gateway, sent } = await gatewayOverFixturePrism();
      const { body } = await support.mint(gateway, { ...VALID, ...extra });
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(body.errors?.[0]?.message).toMatch(message);
      expect(sent).toHaveLength(0);
    },
  );

  it.each([
    [409, "customer_frozen", "FORBIDDEN"],
    [422, "no_customer", "CUSTOMER_NOT_FOUND"],
  ] as const)(
    "maps a documented %i (%s) to %s, the code its spec names",
    async (status, example, code) => {
      const { gateway } = await gatewayOverFixturePrism(`code=${status}, example=${example}`);
      const { body } = await support.mint(gateway, VALID);
      expect(body.errors?.[0]?.extensions).toEqual({
        code,
        upstream: { status, messageCode: example },
      });
    },
  );
});

describe("a new operation (GET with a path parameter and a documented 404), after pnpm generate && pnpm build alone", () => {
  const WIDGET = /* GraphQL */ `
    query Widget($widgetGuid: String!) { widget(widgetGuid: $widgetGuid) { guid label createdAt } }
  `;
  const WIDGET_GUID = "0123456789abcdef0123456789abcdef";

  it("is a Query field whose argument is its path parameter", () => {
    const query = buildSchema(sdl).getQueryType();
    const field = query?.getFields().widget;
    expect(String(field?.type)).toBe("Widget!");
    expect(field?.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual([
      "widgetGuid: String!",
    ]);
    const widget = buildSchema(sdl).getType("Widget") as GraphQLObjectType;
    expect(String(widget.getFields().createdAt?.type)).toBe("DateTime!");
  });

  it("is a typed method of the client, which fills the path and reads the 404 as not_found", async () => {
    const client: typeof import("@tokengate/idp-client") = await import(
      pathToFileURL(join(workspace.root, "packages/idp-client/dist/index.js")).href
    );
    /** The scratch client's own method: this repository's client types do not know it. */
    const getWidgetOf = (options: Parameters<typeof client.createIdpClient>[0]) => {
      const method: unknown = Reflect.get(client.createIdpClient(options), "getWidget");
      if (typeof method !== "function") throw new Error("the generated client has no getWidget");
      return method;
    };
    const getWidget = getWidgetOf({ baseUrl: prism.url, token: "bank-token" });
    const found = await getWidget({ widget_guid: WIDGET_GUID });
    expect(found).toMatchObject({ status: 200, data: { label: "Blue widget" } });
    const refused = await getWidget({ widget_guid: "short" });
    expect(refused.error.kind).toBe("invalid_request");
    const missing = await getWidgetOf({
      baseUrl: prism.url,
      token: "bank-token",
      middleware: [preferResponse(404, "no_widget")],
    })({ widget_guid: WIDGET_GUID });
    expect(missing.error).toMatchObject({
      kind: "not_found",
      status: 404,
      messageCode: "no_widget",
    });
  });

  it("answers the GraphQL field end to end, the path parameter filled in", async () => {
    const { gateway, sent } = await gatewayOverFixturePrism();
    const { body } = await support.post(gateway, {
      query: WIDGET,
      variables: { widgetGuid: WIDGET_GUID },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      widget: { guid: WIDGET_GUID, label: "Blue widget", createdAt: "2026-03-04T05:06:07.000Z" },
    });
    expect(sent).toEqual([undefined]);
  });

  it("maps its documented 404 to NOT_FOUND, the code its spec names", async () => {
    const { gateway } = await gatewayOverFixturePrism("code=404, example=no_widget");
    const { body } = await support.post(gateway, {
      query: WIDGET,
      variables: { widgetGuid: WIDGET_GUID },
    });
    expect(body.errors?.[0]?.extensions).toEqual({
      code: "NOT_FOUND",
      upstream: { status: 404, messageCode: "no_widget" },
    });
  });

  it("is a typed method of the GraphQL client, answering the field and the 404's code", async () => {
    // The gateway does not depend on the GraphQL client: the scratch build is loaded untyped.
    const graphqlClient: Record<string, unknown> = await import(
      pathToFileURL(join(workspace.root, "packages/graphql-client/dist/index.js")).href
    );
    const { createGatewayClient } = graphqlClient;
    if (typeof createGatewayClient !== "function") throw new Error("no createGatewayClient");
    /** The scratch client's own method, generated from the fixture spec. */
    const getWidgetOf = (url: string) => {
      const client: unknown = createGatewayClient({ url: `${url}/graphql`, token: "bank" });
      const method: unknown = Reflect.get(Object(client), "getWidget");
      if (typeof method !== "function") throw new Error("the generated client has no getWidget");
      return method;
    };
    const { gateway, sent } = await gatewayOverFixturePrism();
    expect(await getWidgetOf(gateway.url)({ widgetGuid: WIDGET_GUID })).toEqual({
      data: { guid: WIDGET_GUID, label: "Blue widget", createdAt: "2026-03-04T05:06:07.000Z" },
    });
    expect(sent).toEqual([undefined]);
    const missing = await gatewayOverFixturePrism("code=404, example=no_widget");
    const { error } = await getWidgetOf(missing.gateway.url)({ widgetGuid: WIDGET_GUID });
    expect(error).toMatchObject({
      code: "NOT_FOUND",
      upstream: { status: 404, messageCode: "no_widget" },
    });
  });

  it("refuses a path parameter that breaks its schema, naming the argument, sending nothing", async () => {
    const { gateway, sent } = await gatewayOverFixturePrism();
    const { body } = await support.post(gateway, { query: WIDGET, variables: { widgetGuid: "x" } });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toMatch(
      /^Invalid input: widgetGuid must be exactly 32 characters/,
    );
    expect(sent).toHaveLength(0);
  });
});
