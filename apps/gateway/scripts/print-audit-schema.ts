/**
 * Writes `audit-event.schema.json`, the published schema of the audit
 * trail's events, from the code's one definition (src/ops/audit/schema.ts),
 * formatted as biome prints JSON.
 */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { AUDIT_EVENT_SCHEMA } from "../src/ops/audit/schema.js";

const target = new URL("../audit-event.schema.json", import.meta.url);
const before = await readFile(target, "utf8").catch(() => "");
await writeFile(target, JSON.stringify(AUDIT_EVENT_SCHEMA));
execFileSync(
  createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome"),
  ["format", "--write", fileURLToPath(target)],
  { stdio: "pipe" },
);
if ((await readFile(target, "utf8")) !== before) console.log("generated audit-event.schema.json");
