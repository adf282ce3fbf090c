import type { OperationContract } from "@tokengate/contract";
import type { GraphQLSchema } from "graphql";
import { operationDocument } from "./document.js";
import {
  type ClientOperation,
  documentsFile,
  documentTypesFile,
  indexFile,
  methodsFile,
  operationFile,
} from "./files.js";

/** Every generated file of the client's operations, by path under `src/generated/`. */
export function renderOperations(
  operations: OperationContract[],
  schema: GraphQLSchema,
): Record<string, string> {
  const clients: ClientOperation[] = operations.map((operation) => ({
    operation,
    document: operationDocument(operation, schema),
  }));
  const files: Record<string, string> = {};
  for (const client of clients) {
    files[`operations/${client.operation.operationId}.ts`] = operationFile(client);
  }
  files["document-types.ts"] = documentTypesFile(clients);
  files["documents.ts"] = documentsFile(clients);
  files["methods.ts"] = methodsFile(clients);
  files["index.ts"] = indexFile(clients);
  return files;
}
