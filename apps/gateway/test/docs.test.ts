import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { codeBlocks, section, tableNames } from "@tokengate/testkit/package-checks";
import { prismUrl } from "@tokengate/testkit/vitest";
import { buildSchema, isObjectType, Kind, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { withGeneratedTables } from "../scripts/docs/tables.js";
import { GATEWAY_ERROR_CODES } from "../src/core/error-codes.js";
import { brokenLinks } from "./support/markdown-links.js";
import { runGateway } from "./support/process.js";

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const read = (path: string) => readFileSync(repo(path), "utf8");
const readme = repo("README.md");
const pages = readdirSync(repo("docs")).filter((name) => name.endsWith(".md"));
const packageReadmes = ["packages/idp-client/README.md", "packages/graphql-client/README.md"];
const markdown = ["README.md", "CHANGELOG.md", ...packageReadmes, ...pages.map((p) => `docs/${p}`)];

describe("the repository README", () => {
  it("stays short and links every page of docs/", () => {
    const text = read("README.md");
    expect(text.split("\n").length).toBeLessThanOrEqual(160);
    for (const page of pages) expect(text).toContain(`(docs/${page})`);
  });

  it("has a Try it curl that mints through the built gateway as pasted", async () => {
    const [curl] = codeBlocks(section(readme, "Try it"), "sh").filter((block) =>
      block.startsWith("curl "),
    );
    expect(curl).toBeDefined();
    const gateway = await runGateway({ IDP_BASE_URL: prismUrl() }).ready;
    const command = (curl ?? "").replaceAll("http://localhost:4000", gateway.url);
    const answer = JSON.parse(execFileSync("bash", ["-c", command], { encoding: "utf8" }));
    expect(answer).toMatchObject({
      data: {
        createCustomerToken: {
          expiresAt: "2030-01-01T00:00:00.000Z",
          scopes: ["CUSTOMERS_READ"],
          grantedScopes: ["CUSTOMERS_READ", "ACCOUNTS_READ"],
        },
      },
    });
    expect(answer.data.createCustomerToken.accessToken.split(".")).toHaveLength(3);
    gateway.child.kill("SIGTERM");
    expect(await gateway.exit).toBe(0);
  });
});

describe("the docs", () => {
  it("list every code of the error catalogue, in its order, and no other", () => {
    const [codes] = tableNames(section(repo("docs/errors.md"), "Codes"));
    expect(codes).toEqual(Object.keys(GATEWAY_ERROR_CODES));
  });

  it.each(pages)(
    "docs/%s holds its generated tables as the code renders them (pnpm generate)",
    (page) => {
      // biome aligns the tables' columns; the cells are what must match.
      const cells = (markdown: string) =>
        markdown.replace(/^\|.*\|$/gm, (row) => row.replace(/ +/g, " ").replace(/-{3,}/g, "---"));
      const text = read(`docs/${page}`);
      expect(cells(text)).toBe(cells(withGeneratedTables(text)));
    },
  );

  it("show settings-table code that is the table's own", () => {
    const squash = (text: string) => text.replace(/\s+/g, " ").trim();
    const code = squash(
      read("apps/gateway/src/config/settings.ts") + read("apps/gateway/src/config/load-config.ts"),
    );
    const examples = codeBlocks(section(repo("docs/configuration.md"), "Adding a setting"), "ts");
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(code).toContain(squash(example));
  });

  it("show the gateway's types as schema.graphql has them", () => {
    const schema = buildSchema(read("apps/gateway/schema.graphql"));
    const [excerpt = ""] = codeBlocks(
      section(repo("docs/getting-started.md"), "What the gateway serves"),
      "graphql",
    );
    for (const definition of parse(excerpt).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      const type = schema.getType(definition.name.value);
      if (!isObjectType(type))
        throw new Error(`schema.graphql has no type ${definition.name.value}`);
      for (const field of definition.fields ?? []) {
        const actual = type.getFields()[field.name.value];
        const signature = (args: string[], result: string) =>
          `${field.name.value}(${args.join(", ")}): ${result}`;
        expect(
          signature(
            field.arguments?.map((arg) => `${arg.name.value}: ${print(arg.type)}`) ?? [],
            print(field.type),
          ),
        ).toBe(
          actual &&
            signature(
              actual.args.map((arg) => `${arg.name}: ${arg.type}`),
              String(actual.type),
            ),
        );
      }
    }
  });

  it.each(markdown)("%s: every relative link resolves, anchors included", (file) => {
    expect(brokenLinks(repo(file))).toEqual([]);
  });

  it.each(markdown)("%s: every pnpm command names a script that exists", (file) => {
    const scripts = (path: string) =>
      Object.keys((JSON.parse(read(path)) as { scripts: Record<string, string> }).scripts);
    const workspaces = readdirSync(repo("apps"))
      .map((dir) => `apps/${dir}`)
      .concat(
        readdirSync(repo("packages")).map((dir) => `packages/${dir}`),
        readdirSync(repo("tooling")).map((dir) => `tooling/${dir}`),
      );
    const byPackage = new Map(
      workspaces.map((dir) => [
        (JSON.parse(read(`${dir}/package.json`)) as { name: string }).name,
        scripts(`${dir}/package.json`),
      ]),
    );
    const builtins = ["install", "exec", "add", "run", "pack"];
    const root = [...scripts("package.json"), ...builtins];
    // Commands are code: fenced blocks and inline code spans, not prose about pnpm.
    const text = [...read(file).matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].join("\n");
    for (const [command, name] of text.matchAll(/pnpm (?:-s |--silent )?([a-z][\w:-]*)/g))
      if (!command.startsWith("pnpm --")) expect(root, command).toContain(name);
    for (const [command, pkg = "", name] of text.matchAll(
      /pnpm --filter (@tokengate\/[\w-]+) ([a-z][\w:-]*)/g,
    ))
      expect([...(byPackage.get(pkg) ?? []), ...builtins], command).toContain(name);
  });
});
