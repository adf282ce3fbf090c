import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** A heading's anchor as the repository host makes it: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(markdownPath: string): Set<string> {
  const text = readFileSync(markdownPath, "utf8").replace(/^```[\s\S]*?^```$/gm, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1] ?? "")));
}

/**
 * Every relative link of a Markdown file (`[text](target)`, outside code
 * blocks) that does not resolve: a file or folder that does not exist, or
 * a `#anchor` that is no heading of its Markdown target.
 */
export function brokenLinks(markdownPath: string): string[] {
  const text = readFileSync(markdownPath, "utf8").replace(/^```[\s\S]*?^```$/gm, "");
  const broken: string[] = [];
  for (const [, target = ""] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
    const [path = "", anchor] = target.split("#");
    const file = path ? resolve(dirname(markdownPath), path) : markdownPath;
    if (!existsSync(file)) broken.push(target);
    else if (anchor && (statSync(file).isDirectory() || !anchorsOf(file).has(anchor)))
      broken.push(target);
  }
  return broken;
}
