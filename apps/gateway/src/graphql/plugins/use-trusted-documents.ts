import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";
import type { GatewayErrorCode } from "../../core/error-codes.js";
import { TRUSTED_DOCUMENTS } from "../../generated/trusted-documents.js";

const MANIFEST: ReadonlyMap<string, string> = new Map(Object.entries(TRUSTED_DOCUMENTS));

/** A refusal of the request as sent: HTTP 400, before the document is parsed or anything runs. */
function refusal(code: GatewayErrorCode, message: string) {
  return { message, extensions: { code, http: { status: 400 } } };
}

const NOT_TRUSTED = refusal(
  "DOCUMENT_NOT_TRUSTED",
  "This gateway runs only trusted documents: send the id of one in its manifest (extensions.persistedQuery.sha256Hash), not a document's text",
);

/**
 * `TRUSTED_DOCUMENTS=required`: yoga's persisted-operations plugin over the
 * typed client's manifest. A request names a document by its id (the APQ
 * `extensions.persistedQuery.sha256Hash`); a document's text, or an id not in
 * the manifest, is refused with `DOCUMENT_NOT_TRUSTED`, and a request with
 * neither with `BAD_REQUEST`. A trusted document is still validated and
 * limited as any other.
 */
export function useTrustedDocuments(): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => MANIFEST.get(id) ?? null,
    allowArbitraryOperations: false,
    customErrors: {
      persistedQueryOnly: NOT_TRUSTED,
      notFound: NOT_TRUSTED,
      keyNotFound: refusal(
        "BAD_REQUEST",
        "Send a trusted document's id in extensions.persistedQuery.sha256Hash",
      ),
    },
  });
}
