import type { Json } from "@tokengate/contract";
import { describe, expect, it } from "vitest";
import { sizesSchema, sizeWording } from "../../scripts/generate/operations.js";
import { ajvFor, REQUEST_OPTIONS } from "../../scripts/generate/validators.js";
import { CUSTOMER_TOKEN_SCOPES, validateCreateCustomerTokenRequest } from "../../src/index.js";
import { createRequestValidator } from "../../src/validate.js";
import { VALID_REQUEST } from "../support/fixtures.js";

const guid = VALID_REQUEST.customer_guid;

type Case = [name: string, { given: unknown; field: string; message: RegExp }];

const rejected: Case[] = [
  ["a body that is not an object", { given: "x", field: "body", message: /must be an object/ }],
  [
    "a missing customer_guid",
    { given: { scopes: ["customers:read"] }, field: "customer_guid", message: /is required/ },
  ],
  [
    "a guid one character short",
    {
      given: { ...VALID_REQUEST, customer_guid: guid.slice(1) },
      field: "customer_guid",
      message: /exactly 32 characters \(got 31\)/,
    },
  ],
  [
    "a guid one character long",
    {
      given: { ...VALID_REQUEST, customer_guid: `${guid}a` },
      field: "customer_guid",
      message: /exactly 32 characters \(got 33\)/,
    },
  ],
  [
    "a guid padded with spaces (no trimming)",
    {
      given: { ...VALID_REQUEST, customer_guid: ` ${guid}` },
      field: "customer_guid",
      message: /exactly 32 characters \(got 33\)/,
    },
  ],
  [
    "a numeric guid",
    {
      given: { ...VALID_REQUEST, customer_guid: 42 },
      field: "customer_guid",
      message: /must be a string/,
    },
  ],
  ["missing scopes", { given: { customer_guid: guid }, field: "scopes", message: /is required/ }],
  [
    "an empty scope list",
    { given: { ...VALID_REQUEST, scopes: [] }, field: "scopes", message: /at least 1 item/ },
  ],
  [
    "an unknown scope",
    {
      given: { ...VALID_REQUEST, scopes: ["customers:read", "bank:admin"] },
      field: "scopes[1]",
      message:
        /must be a CustomerTokenScope, one of "counterparties:read", .* \(47 in all\); "bank:admin" is not/,
    },
  ],
  [
    "a repeated scope",
    {
      given: { ...VALID_REQUEST, scopes: ["customers:read", "customers:read"] },
      field: "scopes",
      message: /must not repeat a value: items 0 and 1 are both "customers:read"/,
    },
  ],
  [
    "a non-boolean inherit_ip_allowlist",
    {
      given: { ...VALID_REQUEST, inherit_ip_allowlist: "yes" },
      field: "inherit_ip_allowlist",
      message: /must be a boolean or null/,
    },
  ],
  [
    "an IPv4 address with leading zeros",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["34.120.017.5"] },
      field: "ip_allowlist[0]",
      message: /canonical form/,
    },
  ],
  [
    "a CIDR prefix of /33",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["34.120.0.0/33"] },
      field: "ip_allowlist[0]",
      message: /canonical form/,
    },
  ],
  [
    "an IPv6 address",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["2001:4860::8888"] },
      field: "ip_allowlist[0]",
      message: /IPv4 address or CIDR range/,
    },
  ],
  [
    "a hostname",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["example.com"] },
      field: "ip_allowlist[0]",
      message: /IPv4 address or CIDR range/,
    },
  ],
  [
    "a CIDR range with host bits set",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["52.94.1.0/16"] },
      field: "ip_allowlist[0]",
      message: /host bits set; write the range as 52\.94\.0\.0\/16/,
    },
  ],
  [
    "a private address",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["10.1.2.3"] },
      field: "ip_allowlist[0]",
      message: /is a private address range; only public/,
    },
  ],
  [
    "a loopback address",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["127.0.0.1"] },
      field: "ip_allowlist[0]",
      message: /loopback/,
    },
  ],
  [
    "a link-local address",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["169.254.10.1"] },
      field: "ip_allowlist[0]",
      message: /link-local/,
    },
  ],
  [
    "a documentation (reserved) range",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["198.51.100.0/24"] },
      field: "ip_allowlist[0]",
      message: /reserved/,
    },
  ],
  [
    "a wide range that covers a private block",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["160.0.0.0/3"] },
      field: "ip_allowlist[0]",
      message: /overlaps a/,
    },
  ],
  [
    "the whole address space",
    {
      given: { ...VALID_REQUEST, ip_allowlist: ["0.0.0.0/0"] },
      field: "ip_allowlist[0]",
      message: /overlaps a/,
    },
  ],
  [
    "an unknown field (a misspelt name)",
    {
      given: { ...VALID_REQUEST, customerGuid: guid },
      field: "customerGuid",
      message: /is not a field of the request/,
    },
  ],
];

describe("validateCreateCustomerTokenRequest", () => {
  it.each(rejected)("rejects %s, naming the field", (_name, { given, field, message }) => {
    const result = validateCreateCustomerTokenRequest(given);
    expect(result.ok).toBe(false);
    const issue = result.issues?.find((candidate) => candidate.field === field);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it("reports every broken field at once", () => {
    const result = validateCreateCustomerTokenRequest({ customer_guid: "short", scopes: [] });
    const fields = new Set(result.issues?.map((issue) => issue.field));
    expect([...fields].sort()).toEqual(["customer_guid", "scopes"]);
  });

  it("accepts every scope the spec lists", () => {
    const result = validateCreateCustomerTokenRequest({
      customer_guid: guid,
      scopes: [...CUSTOMER_TOKEN_SCOPES],
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    ["a public address", ["34.120.17.5"]],
    ["a public CIDR range", ["52.94.0.0/16"]],
    ["an empty list", []],
    ["null (no list)", null],
  ])("accepts ip_allowlist with %s", (_name, ipAllowlist) => {
    expect(
      validateCreateCustomerTokenRequest({ ...VALID_REQUEST, ip_allowlist: ipAllowlist }).ok,
    ).toBe(true);
  });

  it("keeps only the fields that were given, false included", () => {
    const result = validateCreateCustomerTokenRequest({
      ...VALID_REQUEST,
      inherit_ip_allowlist: false,
      ip_allowlist: undefined,
    });
    expect(result.value).toEqual({ ...VALID_REQUEST, inherit_ip_allowlist: false });
    expect(Object.keys(result.value ?? {})).not.toContain("ip_allowlist");
  });

  it("cuts a huge value short in the message", () => {
    const result = validateCreateCustomerTokenRequest({
      ...VALID_REQUEST,
      ip_allowlist: ["9".repeat(1_000_000)],
    });
    expect(result.issues?.[0]?.message.length).toBeLessThan(200);
  });
});

/**
 * A request validator for a schema of a test's own, compiled in-process by
 * the Ajv that precompiles the spec's (the client itself compiles none).
 */
function compileRequestValidator(schema: { type: "object"; properties: Record<string, Json> }) {
  const ajv = ajvFor(REQUEST_OPTIONS);
  const compiled = ajv.compile({ ...schema, additionalProperties: false });
  return createRequestValidator<Record<string, unknown>>(compiled, Object.keys(schema.properties), {
    validate: ajv.compile(sizesSchema(schema) as object),
    wording: sizeWording(schema),
  });
}

/** A schema that is not the spec's: every message must come from it, none from the scope or IP schemas. */
const validateOther = compileRequestValidator({
  type: "object",
  properties: {
    region: { type: "string", enum: ["us", "eu"] },
    lifetime_seconds: { type: "integer", minimum: 60, maximum: 86400 },
    retries: { type: "integer", minimum: 0 },
    label: { type: "string", maxLength: 5 },
    code: { type: "string", pattern: "^[A-Z]{3}$" },
    postcode: { type: "string", pattern: "^[0-9]{5}$", description: "A five-digit postcode." },
    address: {
      type: "string",
      pattern: "^[0-9.]+$",
      "x-tokengate-check": "public-ipv4",
    },
  },
});

describe("validation messages come from the schema that failed", () => {
  it.each([
    ["an inline enum", { region: "mars" }, "region", 'must be one of "us", "eu"; "mars" is not'],
    [
      "a bounded integer",
      { lifetime_seconds: 5 },
      "lifetime_seconds",
      "must be from 60 to 86400 (got 5)",
    ],
    ["an integer with a floor", { retries: -1 }, "retries", "must be at least 0 (got -1)"],
    ["a fraction for an integer", { retries: 1.5 }, "retries", "must be an integer"],
    ["a long string", { label: "too long" }, "label", "must have at most 5 characters"],
    [
      "a pattern without a description",
      { code: "ab" },
      "code",
      'must match ^[A-Z]{3}$; "ab" is not',
    ],
    [
      "a pattern with a description",
      { postcode: "x" },
      "postcode",
      'must be a five-digit postcode; "x" is not',
    ],
    [
      "a named check",
      { address: "10.0.0.1" },
      "address",
      '"10.0.0.1" is a private address range; only public addresses are allowed',
    ],
  ])("%s", (_name, given, field, message) => {
    const result = validateOther(given);
    expect(result.issues).toEqual([{ path: [field], field, message }]);
  });

  it("runs a named check only on values its pattern accepts", () => {
    expect(validateOther({ address: "not-an-address" }).issues).toEqual([
      {
        path: ["address"],
        field: "address",
        message: 'must match ^[0-9.]+$; "not-an-address" is not',
      },
    ]);
  });

  it("refuses a schema that names a check no code implements, at generate time", () => {
    expect(() =>
      compileRequestValidator({
        type: "object",
        properties: { x: { type: "string", pattern: ".", "x-tokengate-check": "no-such-check" } },
      }),
    ).toThrow(/no check is named "no-such-check"/);
  });
});
