import type { Change, Severity } from "./change.js";

const ORDER: Severity[] = ["breaking", "dangerous", "safe"];

export interface Report {
  text: string;
  /** Breaking changes the CHANGELOG does not record (all of them when no CHANGELOG was given). */
  unrecorded: Change[];
}

/**
 * Prints every change as breaking, dangerous or safe, grouped by file, with
 * the key a CHANGELOG entry records it by. `recorded` is `null` when no
 * CHANGELOG is checked.
 */
export function report(
  changes: readonly Change[],
  newFiles: readonly string[],
  base: string,
  recorded: ReadonlySet<string> | null,
): Report {
  const lines: string[] = [`Contract changes since ${base}:`];
  const files = [...new Set(changes.map((change) => change.file))];
  if (changes.length === 0) lines.push("  none");
  for (const file of files) {
    lines.push("", `  ${file}`);
    const inFile = changes
      .filter((change) => change.file === file)
      .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
    for (const change of inFile) {
      const note =
        change.severity === "breaking" && recorded?.has(change.key)
          ? " (recorded in CHANGELOG)"
          : "";
      lines.push(
        `    ${change.severity.toUpperCase().padEnd(9)} ${change.message}  [\`${change.key}\`]${note}`,
      );
    }
  }
  for (const file of newFiles)
    lines.push("", `  ${file} did not exist at ${base}: all of it is new.`);
  const breaking = changes.filter((change) => change.severity === "breaking");
  const unrecorded = breaking.filter((change) => !recorded?.has(change.key));
  const count = (severity: Severity) =>
    changes.filter((change) => change.severity === severity).length;
  lines.push(
    "",
    `${count("breaking")} breaking, ${count("dangerous")} dangerous, ${count("safe")} safe.`,
  );
  if (recorded && unrecorded.length > 0) {
    lines.push(
      "Record each breaking change in CHANGELOG.md under `## Unreleased`, naming its key in backticks:",
      ...unrecorded.map((change) => `  - \`${change.key}\``),
    );
  }
  return { text: lines.join("\n"), unrecorded };
}
