import {
  codeNames,
  exportedNames,
  propertyNames,
  section,
  tableNames,
} from "@tokengate/testkit/package-checks";
import { describe, expect, it } from "vitest";
import { CLIENT_ERROR_CODES } from "../../src/index.js";

const readme = new URL("../../README.md", import.meta.url).pathname;
const source = new URL("../../src/index.ts", import.meta.url).pathname;
const generated = new URL("../../src/generated/index.ts", import.meta.url).pathname;

describe("the README documents the package as built", () => {
  it("lists every hand-written export and names only exports; each operation's come generated", () => {
    const listed = codeNames(section(readme, "Exports"));
    const exported = exportedNames(source);
    expect(listed.filter((name) => !exported.includes(name))).toEqual([]);
    const documented = new Set([...listed, ...exportedNames(generated)]);
    expect(exported.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("documents every option of the client and of a call", () => {
    const [clientOptions, callOptions] = tableNames(section(readme, "Options"));
    expect(clientOptions?.sort()).toEqual(propertyNames(source, "GatewayClientOptions").sort());
    expect(callOptions?.sort()).toEqual(propertyNames(source, "CallOptions").sort());
  });

  it("explains every code of the client's own", () => {
    const [codes] = tableNames(section(readme, "The result"));
    expect(codes).toEqual([...CLIENT_ERROR_CODES]);
  });
});
