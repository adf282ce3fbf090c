/**
 * Writes the GraphQL side of the contract into `src/generated/` from
 * `spec/openapi.yaml`, for every operation the spec annotates with
 * `x-tokengate-graphql`:
 * - `enums.ts`: one GraphQL enum per enum schema;
 * - `operations/<operationId>.ts`: its input type or arguments (names,
 *   nullability, descriptions with the constraints stated), the one
 *   wire ↔ GraphQL field map, its output types, the GraphQL code of every
 *   documented error, and its `Query` or `Mutation` field over the one
 *   operation pipeline (`src/operations/pipeline.ts`);
 * - `operations/index.ts`: each of them, then what `src/operations/<operationId>/`
 *   adds by hand.
 * `print-schema.ts` then prints the SDL from the assembled schema.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { loadSpec, readOperations } from "@tokengate/contract";
import { enumsFile } from "./graphql/enums-file.js";
import { operationFile } from "./graphql/operation-file.js";
import { EnumRegistry } from "./graphql/types.js";

const specUrl = new URL("../../../spec/openapi.yaml", import.meta.url);
const outDir = new URL("../src/generated/", import.meta.url);
const handWritten = new URL("../src/operations/", import.meta.url);

const HEADER = `/**
 * This file was auto-generated from spec/openapi.yaml by
 * apps/gateway/scripts/generate-graphql.ts. Do not edit it by hand:
 * change the spec and run \`pnpm generate\`.
 */
`;

/** Hand-written modules the generated operation imports by name; any other adds GraphQL fields. */
const WIRED_MODULES = new Set(["policy", "reuse", "audit"]);

/** The hand-written modules of an operation (its folder under `src/operations/`), by name. */
async function ownModules(operationId: string): Promise<string[]> {
  const folder = new URL(`${operationId}/`, handWritten);
  if (!existsSync(folder)) return [];
  return (await readdir(folder))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => name.slice(0, -3));
}

async function main(): Promise<void> {
  const spec = await loadSpec(specUrl);
  // Every annotated operation; one the generators cannot carry fails here, naming it.
  const operations = readOperations(spec);
  const registry = new EnumRegistry();
  const files: Record<string, string> = {};
  const imports: string[] = [];
  const names: string[] = [];
  for (const operation of operations) {
    const own = await ownModules(operation.operationId);
    files[`operations/${operation.operationId}.ts`] = operationFile(HEADER, operation, registry, {
      hasPolicy: own.includes("policy"),
      hasReuse: own.includes("reuse"),
      hasAudit: own.includes("audit"),
    });
    imports.push(`import { ${operation.operationId} } from "./${operation.operationId}.js";`);
    names.push(operation.operationId);
    // After the generated types it extends: a module adding fields imports them.
    for (const name of own.filter((name) => !WIRED_MODULES.has(name))) {
      imports.push(`import "../../operations/${operation.operationId}/${name}.js";`);
    }
  }
  const mutations = operations.some((operation) => operation.graphql.root === "Mutation");
  files["operations/index.ts"] = `${HEADER}import { builder } from "../../graphql/builder.js";

${mutations ? "builder.mutationType({});\n\n" : ""}${imports.join("\n")}

/** Every operation the gateway exposes, as the operation pipeline carries it, by operationId. */
export const GATEWAY_OPERATIONS = { ${names.join(", ")} } as const;
`;
  files["enums.ts"] = enumsFile(HEADER, registry);
  await rm(new URL("operations/", outDir), { recursive: true, force: true });
  await mkdir(new URL("operations/", outDir), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(new URL(name, outDir), text);
  console.log(
    `generated ${Object.keys(files)
      .map((name) => `src/generated/${name}`)
      .join(", ")}`,
  );
}

await main();
