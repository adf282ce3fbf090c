import { LIST_BANK_APPLICATIONS_QUERY } from "./bank-applications.js";
import { MINT_CUSTOMER_TOKEN_QUERY } from "./mint.js";

/**
 * Every document this client sends, by operation name, as sent. The
 * trusted-documents manifest (`persisted-documents.json`) and the ids the
 * client sends in its place are generated from this list by `pnpm generate`.
 */
export const DOCUMENTS = {
  MintCustomerToken: MINT_CUSTOMER_TOKEN_QUERY,
  ListBankApplications: LIST_BANK_APPLICATIONS_QUERY,
} as const;

/** The name of one of the client's operations. */
export type DocumentName = keyof typeof DOCUMENTS;
