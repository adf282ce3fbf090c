/**
 * Writes `audit-event.schema.json`, the published schema of the audit
 * trail's events, from the code's one definition (src/ops/audit/schema.ts).
 * Generated output: biome leaves it as printed here, like schema.graphql.
 */
import { readFile, writeFile } from "node:fs/promises";
import { AUDIT_EVENT_SCHEMA } from "../src/ops/audit/schema.js";

const target = new URL("../audit-event.schema.json", import.meta.url);
const text = `${JSON.stringify(AUDIT_EVENT_SCHEMA, null, 2)}\n`;
if ((await readFile(target, "utf8").catch(() => "")) !== text) {
  await writeFile(target, text);
  console.log("generated audit-event.schema.json");
}
