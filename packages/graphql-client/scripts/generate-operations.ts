/**
 * Writes the client's per-operation code into `src/generated/` for every
 * operation the spec annotates with `x-tokengate-graphql` (read by the
 * contract reader the gateway's generator shares), from the gateway's
 * committed `schema.graphql`:
 * - `operations/<operationId>.ts`: its document (the root field, its
 *   arguments as variables, every field of its output type), the document's
 *   types through gql.tada, and how its answer is read;
 * - `document-types.ts`: each document's gql.tada type, as types only;
 * - `documents.ts`: every document by name, for the trusted-documents manifest;
 * - `methods.ts`: one method per operation, named by its operationId;
 * - `index.ts`: what the package exports of each operation.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { loadSpec, readOperations } from "@tokengate/contract";
import { buildSchema } from "graphql";
import { renderOperations } from "./operations/render.js";

const SPEC = new URL("../../../spec/openapi.yaml", import.meta.url);
const SCHEMA = new URL("../../../apps/gateway/schema.graphql", import.meta.url);
const OUTPUT = new URL("../src/generated/", import.meta.url);

const operations = readOperations(await loadSpec(SPEC));
const schema = buildSchema(await readFile(SCHEMA, "utf8"));
const files = renderOperations(operations, schema);

// A removed operation leaves no file behind.
await rm(new URL("operations/", OUTPUT), { recursive: true, force: true });
await mkdir(new URL("operations/", OUTPUT), { recursive: true });
for (const [path, text] of Object.entries(files)) await writeFile(new URL(path, OUTPUT), text);
console.log(`generated src/generated/operations (${operations.length} operations)`);
