/**
 * Writes `src/generated/trusted-documents.ts` from the typed client's
 * manifest (`packages/graphql-client/persisted-documents.json`, which that
 * package's `generate` writes first, from the SDL this gateway's `generate:graphql`
 * printed): the documents
 * `TRUSTED_DOCUMENTS=required` serves, compiled into the gateway so the
 * deployed folder holds them.
 */
import { readFile, writeFile } from "node:fs/promises";

const MANIFEST = new URL(
  "../../../packages/graphql-client/persisted-documents.json",
  import.meta.url,
);
const OUTPUT = new URL("../src/generated/trusted-documents.ts", import.meta.url);

const manifest: unknown = JSON.parse(await readFile(MANIFEST, "utf8"));
if (
  typeof manifest !== "object" ||
  manifest === null ||
  !Object.values(manifest).every((document) => typeof document === "string")
)
  throw new Error("persisted-documents.json is not a map of ids to documents");

await writeFile(
  OUTPUT,
  [
    "/**",
    " * This file was auto-generated from packages/graphql-client/persisted-documents.json",
    " * by apps/gateway/scripts/generate-trusted-documents.ts. Do not edit it by hand:",
    " * change the client's documents and run `pnpm generate`.",
    " */",
    "",
    "/** The typed client's documents by id (the SHA-256 of the text, in hex). */",
    `export const TRUSTED_DOCUMENTS: Readonly<Record<string, string>> = ${JSON.stringify(manifest, null, 2)};`,
    "",
  ].join("\n"),
);
console.log(
  `generated src/generated/trusted-documents.ts (${Object.keys(manifest).length} documents)`,
);
