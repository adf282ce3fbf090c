import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { isObject, type Json } from "../spec.js";
import type { Change } from "./change.js";
import { documentChanges } from "./document-changes.js";
import { readAtCommit } from "./git.js";
import { sdlChanges } from "./sdl-changes.js";
import { specChanges } from "./spec-changes.js";

/** The files the contract is published as, relative to the repository root. */
export const CONTRACT_FILES = {
  spec: "spec/openapi.yaml",
  sdl: "apps/gateway/schema.graphql",
  /** The typed client's trusted documents: what apps built with it send. */
  documents: "packages/graphql-client/persisted-documents.json",
} as const;

/** A file's text, or `null` when there is none. */
async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function asDocument(text: string, where: string): Record<string, Json> {
  const document: Json = parse(text);
  if (!isObject(document)) throw new Error(`${where} is not an OpenAPI document`);
  return document;
}

/** What a file missing at the base means for the report. */
export interface CompareResult {
  changes: Change[];
  /** Files that did not exist at the base, so every part of them is new. */
  newFiles: string[];
}

/**
 * Every change of the spec, of the printed SDL and of the trusted documents
 * between `commit` and the working tree.
 */
export async function compareContract(root: string, commit: string): Promise<CompareResult> {
  const newFiles: string[] = [];
  const changes: Change[] = [];

  const specNow = await readFile(join(root, CONTRACT_FILES.spec), "utf8");
  const specThen = await readAtCommit(commit, CONTRACT_FILES.spec, root);
  if (specThen === null) newFiles.push(CONTRACT_FILES.spec);
  else {
    changes.push(
      ...specChanges(
        asDocument(specThen, `${CONTRACT_FILES.spec} at ${commit}`),
        asDocument(specNow, CONTRACT_FILES.spec),
        CONTRACT_FILES.spec,
      ),
    );
  }

  const sdlNow = await readFile(join(root, CONTRACT_FILES.sdl), "utf8");
  const sdlThen = await readAtCommit(commit, CONTRACT_FILES.sdl, root);
  if (sdlThen === null) newFiles.push(CONTRACT_FILES.sdl);
  else changes.push(...(await sdlChanges(sdlThen, sdlNow, CONTRACT_FILES.sdl)));

  const documentsNow = await readIfPresent(join(root, CONTRACT_FILES.documents));
  const documentsThen = await readAtCommit(commit, CONTRACT_FILES.documents, root);
  if (documentsThen === null && documentsNow !== null) newFiles.push(CONTRACT_FILES.documents);
  else changes.push(...documentChanges(documentsThen, documentsNow, CONTRACT_FILES.documents));

  return { changes, newFiles };
}
