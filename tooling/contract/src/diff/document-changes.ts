import { Kind, parse } from "graphql";
import type { Change } from "./change.js";

/** A trusted-documents manifest: `{ [id]: document }` (gql.tada's format). */
type Manifest = Record<string, string>;

function manifestOf(text: string, where: string): Manifest {
  const manifest: unknown = JSON.parse(text);
  if (
    typeof manifest !== "object" ||
    manifest === null ||
    Array.isArray(manifest) ||
    !Object.values(manifest).every((document) => typeof document === "string")
  )
    throw new Error(`${where} is not a map of document ids to documents`);
  return manifest as Manifest;
}

/** The document's operation names, for a message: `CreateCustomerToken`. */
function operationsOf(document: string): string {
  try {
    const names = parse(document).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name
        ? [definition.name.value]
        : [],
    );
    return names.join(", ") || "an anonymous operation";
  } catch {
    return "a document that does not parse";
  }
}

/**
 * The typed client's trusted documents' changes between two manifests
 * (`null`: no manifest). An id gone is breaking: an app built with it sends
 * that id, and a gateway with `TRUSTED_DOCUMENTS=required` refuses it. A new
 * id is safe. The key is the id.
 */
export function documentChanges(
  before: string | null,
  after: string | null,
  file: string,
): Change[] {
  const then = before === null ? {} : manifestOf(before, `${file} at the base`);
  const now = after === null ? {} : manifestOf(after, file);
  const changes: Change[] = [];
  for (const [id, document] of Object.entries(then)) {
    if (Object.hasOwn(now, id)) continue;
    changes.push({
      severity: "breaking",
      file,
      message: `Trusted document ${operationsOf(document)} (${id.slice(0, 12)}…) was removed: an app that sends its id is refused by a gateway with TRUSTED_DOCUMENTS=required`,
      key: id,
    });
  }
  for (const [id, document] of Object.entries(now)) {
    if (Object.hasOwn(then, id)) continue;
    changes.push({
      severity: "safe",
      file,
      message: `Trusted document ${operationsOf(document)} (${id.slice(0, 12)}…) was added`,
      key: id,
    });
  }
  return changes;
}
