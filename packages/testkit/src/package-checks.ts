/**
 * Checks of a package as people install it: strict type-checking of an
 * outside project, and a README kept in step with the code it documents
 * (its TypeScript examples, and the names its tables and lists mention,
 * compared with what the code exports).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";

/** Runs a command; a failure's error carries everything it printed. */
export function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

const require = createRequire(import.meta.url);
const TSC = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const NODE_TYPES = dirname(dirname(require.resolve("@types/node/package.json")));

/**
 * Type-checks `files` in an outside project (`cwd`) with a consumer's
 * strictest settings, the installed libraries' declarations included (no
 * `skipLibCheck`): Node's types and no DOM, or the DOM and no Node types.
 * With `outDir` it also emits, so the project can be run.
 */
export function typecheckLikeAConsumer(
  cwd: string,
  files: string[],
  environment: "node" | "browser",
  outDir?: string,
): void {
  const compilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    ...(environment === "node"
      ? { lib: ["es2023"], types: ["node"], typeRoots: [NODE_TYPES] }
      : { lib: ["es2023", "dom"], types: [] }),
    ...(outDir ? { outDir } : { noEmit: true }),
  };
  const config = join(cwd, `tsconfig.${environment}.json`);
  writeFileSync(config, JSON.stringify({ compilerOptions, files }));
  run(process.execPath, [TSC, "-p", config], cwd);
}

/** The body of every fenced block of `language` (e.g. `ts`, `sh`) in a piece of Markdown, in order. */
export function codeBlocks(markdown: string, language: string): string[] {
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gm");
  return [...markdown.matchAll(fence)].map((match) => match[1] ?? "");
}

/** The body of every ```ts block in a Markdown file, in order. */
export function tsBlocks(markdownPath: string): string[] {
  return codeBlocks(readFileSync(markdownPath, "utf8"), "ts");
}

/** The text under a `## heading` (or deeper), up to the next heading of the same or a higher level. */
export function section(markdownPath: string, heading: string): string {
  const lines = readFileSync(markdownPath, "utf8").split("\n");
  const start = lines.findIndex(
    (line) => /^#{2,6} /.test(line) && line.replace(/^#+ /, "") === heading,
  );
  if (start === -1) throw new Error(`${markdownPath} has no heading "${heading}"`);
  const level = (lines[start] ?? "").indexOf(" ");
  const end = lines.findIndex(
    (line, index) => index > start && /^#+ /.test(line) && line.indexOf(" ") <= level,
  );
  return lines.slice(start + 1, end === -1 ? undefined : end).join("\n");
}

/** For each table in a piece of Markdown, every `name` in backticks in its first column. */
export function tableNames(markdown: string): string[][] {
  const tables: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = [];
      tables.push(current);
      continue; // the header row
    }
    if (/^\|\s*-/.test(line)) continue;
    const cell = line.split("|")[1] ?? "";
    current.push(...[...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ""));
  }
  return tables;
}

/** Every `name` in backticks in a piece of Markdown. */
export function codeNames(markdown: string): string[] {
  return [...markdown.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((match) => match[1] ?? "");
}

const checkers = new Map<string, ReturnType<typeof createChecker>>();

function checkerFor(declarations: string) {
  let checker = checkers.get(declarations);
  if (!checker) {
    checker = createChecker(declarations);
    checkers.set(declarations, checker);
  }
  return checker;
}

function createChecker(declarations: string) {
  const program = ts.createProgram([declarations], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(declarations);
  const module = file && checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`cannot read ${declarations}`);
  return { checker, exports: checker.getExportsOfModule(module) };
}

/** The names a declaration file exports, values and types. */
export function exportedNames(declarations: string): string[] {
  return checkerFor(declarations).exports.map((symbol) => symbol.name);
}

/** The property names of an exported interface or object type (intersections included). */
export function propertyNames(declarations: string, typeName: string): string[] {
  const { checker, exports } = checkerFor(declarations);
  const symbol = exports.find((candidate) => candidate.name === typeName);
  if (!symbol) throw new Error(`${declarations} exports no ${typeName}`);
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return checker
    .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(target))
    .map((property) => property.name);
}

/** What a packed tarball ships: its files (without tar's `package/` prefix) and its manifest as text. */
export function packedContents(
  tarball: string,
  cwd: string,
): { files: string[]; manifest: string } {
  const files = run("tar", ["-tzf", tarball], cwd)
    .split("\n")
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ""));
  const manifest = run("tar", ["-xzOf", tarball, "package/package.json"], cwd);
  return { files, manifest };
}
