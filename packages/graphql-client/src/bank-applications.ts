import { parse, print } from "@0no-co/graphql.web";
import type { ResultOf, VariablesOf } from "gql.tada";
import type { ListBankApplicationsDocument } from "./document-types.js";

/** The operation's text: its literal type is what gql.tada infers the document's types from. */
export const LIST_BANK_APPLICATIONS_SOURCE = `
  query ListBankApplications($page: Int, $perPage: Int, $bankGuid: String) {
    bankApplications(page: $page, perPage: $perPage, bankGuid: $bankGuid) {
      total
      page
      perPage
      objects {
        name
        clientId
        scopes
        createdAt
        updatedAt
      }
    }
  }
`;

/** List the bank's OAuth2 applications and read back every field of `BankApplicationList`. */
export const ListBankApplications: ListBankApplicationsDocument = parse(
  LIST_BANK_APPLICATIONS_SOURCE,
);

/** The document as sent, printed once. */
export const LIST_BANK_APPLICATIONS_QUERY = print(ListBankApplications);

/** Which page to list: the gateway's `bankApplications` arguments. */
export type ListBankApplicationsVariables = VariablesOf<typeof ListBankApplications>;

/** One page of applications: the gateway's `BankApplicationList`. */
export type BankApplicationList = ResultOf<typeof ListBankApplications>["bankApplications"];
