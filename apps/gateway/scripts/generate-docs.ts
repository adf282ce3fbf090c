/**
 * Rewrites the generated reference tables of docs/*.md from the code (see
 * docs/tables.ts), then lets biome align them as it formats any Markdown
 * table. A copy of the gateway without the repository's docs (the
 * fixture-spec test's scratch workspace) has none to write.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { withGeneratedTables } from "./docs/tables.js";

const docs = new URL("../../../docs/", import.meta.url);
const pages = existsSync(docs) ? await readdir(docs) : [];
for (const name of pages.filter((file) => file.endsWith(".md"))) {
  const page = new URL(name, docs);
  const before = await readFile(page, "utf8");
  const after = withGeneratedTables(before);
  if (after !== before) {
    await writeFile(page, after);
    execFileSync(
      createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome"),
      ["format", "--write", fileURLToPath(page)],
      { stdio: "pipe" },
    );
    if ((await readFile(page, "utf8")) !== before)
      console.log(`generated the tables of docs/${name}`);
  }
}
