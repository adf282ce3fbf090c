import { print } from "@0no-co/graphql.web";
import type { ResultOf, VariablesOf } from "gql.tada";
import { graphql } from "./graphql.js";

/** List the bank's OAuth2 applications and read back every field of `BankApplicationList`. */
export const ListBankApplications = graphql(`
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
`);

/** The document as sent, printed once. */
export const LIST_BANK_APPLICATIONS_QUERY = print(ListBankApplications);

/** Which page to list: the gateway's `bankApplications` arguments. */
export type ListBankApplicationsVariables = VariablesOf<typeof ListBankApplications>;

/** One page of applications: the gateway's `BankApplicationList`. */
export type BankApplicationList = ResultOf<typeof ListBankApplications>["bankApplications"];
