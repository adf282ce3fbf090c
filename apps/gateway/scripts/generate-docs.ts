/** Rewrites the generated reference tables of docs/*.md from the code (see docs/tables.ts). */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { withGeneratedTables } from "./docs/tables.js";

const docs = new URL("../../../docs/", import.meta.url);
for (const name of (await readdir(docs)).filter((file) => file.endsWith(".md"))) {
  const page = new URL(name, docs);
  const before = await readFile(page, "utf8");
  const after = withGeneratedTables(before);
  if (after !== before) {
    await writeFile(page, after);
    console.log(`generated the tables of docs/${name}`);
  }
}
