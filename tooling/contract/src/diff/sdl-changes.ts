import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";
import type { Change, Severity } from "./change.js";

const SEVERITY: Record<CriticalityLevel, Severity> = {
  [CriticalityLevel.Breaking]: "breaking",
  [CriticalityLevel.Dangerous]: "dangerous",
  [CriticalityLevel.NonBreaking]: "safe",
};

/** The printed SDL's changes, classified by graphql-inspector; a missing base SDL is an empty schema. */
export async function sdlChanges(
  before: string | null,
  after: string,
  file: string,
): Promise<Change[]> {
  const changes = await diff(before === null ? null : buildSchema(before), buildSchema(after));
  return changes.map((change) => ({
    severity: SEVERITY[change.criticality.level],
    file,
    message: change.message,
    key: change.path ?? change.message,
  }));
}
