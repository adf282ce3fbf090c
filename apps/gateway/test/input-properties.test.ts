import { CUSTOMER_TOKEN_SCOPES } from "@tokengate/idp-client";
import type { FaultServer } from "@tokengate/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeEnumName } from "../src/index.js";
import { mint, startGateway, startMintingUpstream, type TestGateway } from "./support/gateway.js";

/**
 * Labelled generators: each value knows whether the contract accepts it, so
 * the oracle below is independent of the validator under test.
 */
type Labelled<T> = { value: T; valid: boolean };
const valid = <T>(arbitrary: fc.Arbitrary<T>) => arbitrary.map((value) => ({ value, valid: true }));
const invalid = <T>(arbitrary: fc.Arbitrary<T>) =>
  arbitrary.map((value) => ({ value, valid: false }));

const hex = fc.constantFrom(..."0123456789abcdef");
const guid = fc.oneof(
  valid(fc.string({ unit: hex, minLength: 32, maxLength: 32 })),
  invalid(fc.string({ unit: hex, minLength: 0, maxLength: 31 })),
  invalid(fc.string({ unit: hex, minLength: 33, maxLength: 80 })),
  invalid(
    fc.string({ unit: hex, minLength: 31, maxLength: 31 }).map((text) => ` ${text}  `.slice(0, 33)),
  ),
);

const scopeNames = CUSTOMER_TOKEN_SCOPES.map(scopeEnumName);
const scopes = fc.oneof(
  valid(fc.uniqueArray(fc.constantFrom(...scopeNames), { minLength: 1, maxLength: 8 })),
  invalid(fc.constant([] as string[])),
  invalid(
    fc
      .uniqueArray(fc.constantFrom(...scopeNames), { minLength: 1, maxLength: 4 })
      .map((list) => [...list, list[0] as string]),
  ),
);

const octet = fc.integer({ min: 0, max: 255 });
/** 1.0.0.0–9.255.255.255 holds no special-purpose range. */
const publicAddress = fc
  .tuple(fc.integer({ min: 1, max: 9 }), octet, octet, octet)
  .map((parts) => parts.join("."));
const publicRange = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.integer({ min: 8, max: 32 }),
    fc.integer({ min: 0, max: 2 ** 24 - 1 }),
  )
  .map(([first, prefix, rest]) => {
    const value = ((first << 24) | rest) >>> 0;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const network = (value & mask) >>> 0;
    return `${[24, 16, 8, 0].map((shift) => (network >>> shift) & 255).join(".")}/${prefix}`;
  });
const badEntry = fc.oneof(
  fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
  fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
  fc.tuple(octet, octet, octet).map(([b, c, d]) => `127.${b}.${c}.${d}`),
  fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), octet).map(([a, b]) => `${a}.${b}.0.1/16`),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 33, max: 99 }))
    .map(([a, p]) => `${a}.0.0.0/${p}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), octet).map(([a, b]) => `0${a}.${b}.1.1`),
  fc.tuple(fc.integer({ min: 256, max: 999 }), octet).map(([a, b]) => `${a}.${b}.1.1`),
  fc.string({ maxLength: 20 }).filter((text) => !/^[\d./]+$/.test(text)),
);
const entries = fc.array(
  fc.oneof(valid(publicAddress), valid(publicRange), invalid(badEntry)) as fc.Arbitrary<
    Labelled<string>
  >,
  { maxLength: 5 },
);
const ipAllowlist = fc.oneof(
  fc.constant({ value: undefined, valid: true }),
  fc.constant({ value: null, valid: true }),
  entries.map((list) => ({
    value: list.map((entry) => entry.value),
    valid: list.every((entry) => entry.valid),
  })),
);
const inherit = fc.constantFrom(undefined, null, true, false);

let upstream: FaultServer;
let gateway: TestGateway;
beforeAll(async () => {
  upstream = await startMintingUpstream();
  gateway = await startGateway(upstream.url);
});
afterAll(() => upstream.close());

describe("input validation, for any generated input", () => {
  it("forwards exactly the valid body, or rejects with BAD_USER_INPUT and forwards nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        guid,
        scopes,
        ipAllowlist,
        inherit,
        async (g, s, ips, inheritIpAllowlist) => {
          const before = upstream.requests.length;
          const input = {
            customerGuid: g.value,
            scopes: s.value,
            ipAllowlist: ips.value,
            inheritIpAllowlist,
          };
          const { status, body } = await mint(gateway, input);
          expect(status).toBe(200);
          if (g.valid && s.valid && ips.valid) {
            expect(body.errors).toBeUndefined();
            expect(upstream.requests.length).toBe(before + 1);
            const wire: Record<string, unknown> = {
              customer_guid: g.value,
              scopes: s.value.map((name) => CUSTOMER_TOKEN_SCOPES[scopeNames.indexOf(name)]),
            };
            if (inheritIpAllowlist != null) wire.inherit_ip_allowlist = inheritIpAllowlist;
            if (ips.value != null) wire.ip_allowlist = ips.value;
            expect(JSON.parse(upstream.requests.at(-1)?.body ?? "")).toEqual(wire);
          } else {
            expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
            expect(body.errors?.[0]?.message).toMatch(
              /^Invalid input: input\.(customerGuid|scopes|ipAllowlist)/,
            );
            expect(upstream.requests.length).toBe(before);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
