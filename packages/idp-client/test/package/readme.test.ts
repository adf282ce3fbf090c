import {
  codeNames,
  exportedNames,
  propertyNames,
  section,
  tableNames,
} from "@tokengate/testkit/package-checks";
import { describe, expect, it } from "vitest";

const readme = new URL("../../README.md", import.meta.url).pathname;
const source = new URL("../../src/index.ts", import.meta.url).pathname;

describe("the README documents the package as built", () => {
  it("lists every export, and nothing else", () => {
    expect(codeNames(section(readme, "Exports")).sort()).toEqual(exportedNames(source).sort());
  });

  it.each([
    ["createIdpClient's options", "Options", 0, "IdpClientOptions"],
    ["a call's options", "Options", 1, "CallOptions"],
    [
      "clientCredentials' options",
      "Bank tokens from client credentials",
      0,
      "ClientCredentialsOptions",
    ],
  ])("documents every one of %s", (_name, heading, table, type) => {
    const documented = tableNames(section(readme, heading))[table];
    expect(documented?.sort()).toEqual(propertyNames(source, type).sort());
  });
});
