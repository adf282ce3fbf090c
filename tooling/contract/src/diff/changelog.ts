/**
 * The names a CHANGELOG's `## Unreleased` section records, written in
 * backticks (`` `sardine_sessions:execute` ``): a breaking change whose key is
 * among them is recorded. Sections after the next `## ` heading are released
 * and count for nothing: their changes are older than the last `v*` tag.
 */
export function recordedKeys(changelog: string): Set<string> {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+Unreleased\b/i.test(line));
  if (start < 0) return new Set();
  const end = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
  const section = lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
  return new Set([...section.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? ""));
}
