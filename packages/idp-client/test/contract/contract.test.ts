import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parse } from "yaml";
import {
  CREATE_CUSTOMER_TOKEN_ERRORS,
  type CreateCustomerTokenRequest,
  CUSTOMER_TOKEN_SCOPES,
  type CustomerTokenScope,
  createIdpClient,
  OPERATIONS,
  SERVER_URLS,
} from "../../src/index.js";
import { readAnswer } from "../../src/response.js";

const spec = parse(readFileSync(new URL("../../../../spec/openapi.yaml", import.meta.url), "utf8"));

describe("the generated contract", () => {
  it("lists exactly the scopes of the spec, in order (run `pnpm generate` if not)", () => {
    expect(CUSTOMER_TOKEN_SCOPES).toEqual(spec.components.schemas.CustomerTokenScope.enum);
  });

  it("models the newest upstream contract: 47 scopes", () => {
    expect(CUSTOMER_TOKEN_SCOPES).toHaveLength(47);
    expect(CUSTOMER_TOKEN_SCOPES).toContain("sardine_sessions:execute");
  });

  it("names the spec's servers as baseUrl aliases", () => {
    expect(SERVER_URLS).toEqual({ sandbox: spec.servers[0].url, production: spec.servers[1].url });
    expect(createIdpClient({ baseUrl: "production" }).baseUrl).toBe(
      "https://id.production.cybrid.app",
    );
  });

  it("types the scope list as the spec's scope union", () => {
    expectTypeOf<(typeof CUSTOMER_TOKEN_SCOPES)[number]>().toEqualTypeOf<CustomerTokenScope>();
  });

  it("types the request body from the spec", () => {
    expectTypeOf<CreateCustomerTokenRequest["customer_guid"]>().toEqualTypeOf<string>();
    expectTypeOf<CreateCustomerTokenRequest["inherit_ip_allowlist"]>().toEqualTypeOf<
      boolean | null | undefined
    >();
    const wrongScope: CreateCustomerTokenRequest = {
      customer_guid: "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4",
      // @ts-expect-error: not a scope of the spec
      scopes: ["bank:admin"],
    };
    expect(wrongScope.scopes).toHaveLength(1);
  });

  it("makes success and every failure distinguishable by type", async () => {
    const idp = createIdpClient({ baseUrl: "http://127.0.0.1:9" });
    const result = await idp.createCustomerToken({
      customer_guid: "x",
      scopes: ["customers:read"],
    });
    if (result.error) {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      if (result.error.kind === "forbidden")
        expectTypeOf(result.error.messageCode).toEqualTypeOf<string | null>();
      if (result.error.kind === "timeout")
        expectTypeOf(result.error.timeoutMs).toEqualTypeOf<number>();
      // @ts-expect-error: only answered errors carry a status
      if (result.error.kind === "network") void result.error.status;
    } else {
      expectTypeOf(result.data.access_token).toEqualTypeOf<string>();
    }
    expect(result.error?.kind).toBe("invalid_request");
  });
});

const mint = spec.paths["/api/customer_tokens"].post;
const documentedErrors = Object.entries(mint.responses).filter(
  ([status]) => Number(status) >= 300,
) as [
  string,
  {
    "x-tokengate-error-kind": string;
    content: Record<string, { examples: Record<string, { value: unknown }> }>;
  },
][];

describe("documented responses drive classification", () => {
  it("generates every documented error status with its x-tokengate-error-kind", () => {
    expect(
      Object.fromEntries(
        Object.entries(CREATE_CUSTOMER_TOKEN_ERRORS).map(([status, { kind }]) => [status, kind]),
      ),
    ).toEqual(
      Object.fromEntries(
        documentedErrors.map(([status, response]) => [status, response["x-tokengate-error-kind"]]),
      ),
    );
  });

  it.each(
    documentedErrors.flatMap(([status, response]) =>
      Object.entries(response.content["application/json"]?.examples ?? {}).map(
        ([name, example]) =>
          [Number(status), name, example.value, response["x-tokengate-error-kind"]] as const,
      ),
    ),
  )(
    "reads a documented %i (%s) as its kind, with its message code",
    (status, _name, body, kind) => {
      const outcome = readAnswer(
        OPERATIONS.createCustomerToken,
        status,
        { ok: true, value: body },
        null,
      );
      expect(outcome).toMatchObject({
        ok: false,
        error: { kind, status, messageCode: (body as { message_code: string }).message_code },
      });
    },
  );

  it("never reports a documented status as undocumented, whatever its body", () => {
    for (const [status] of documentedErrors) {
      const outcome = readAnswer(
        OPERATIONS.createCustomerToken,
        Number(status),
        { ok: false },
        null,
      );
      expect(outcome.ok ? null : outcome.error).not.toMatchObject({
        reason: "undocumented_status",
      });
    }
  });
});

describe("the client's validators", () => {
  it("are precompiled: no module of the client imports Ajv's compiler at run time", () => {
    const sources = readdirSync(new URL("../../src/", import.meta.url), {
      recursive: true,
      encoding: "utf8",
    }).filter((file) => file.endsWith(".ts"));
    const valueImports = sources.filter((file) =>
      /^import (?!type )[^;]*from "ajv(?:\/[^"]*)?";/m.test(
        readFileSync(new URL(`../../src/${file}`, import.meta.url), "utf8"),
      ),
    );
    expect(sources).toContain("generated/request-validators.ts");
    expect(valueImports).toEqual([]);
  });
});
