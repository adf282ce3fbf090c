import { print } from "@0no-co/graphql.web";
import type { ResultOf, VariablesOf } from "gql.tada";
import { graphql } from "./graphql.js";

/** The one operation: mint a token and read back every field of `CustomerToken`. */
export const MintCustomerToken = graphql(`
  mutation MintCustomerToken($input: CreateCustomerTokenInput!) {
    createCustomerToken(input: $input) {
      accessToken
      tokenType
      expiresAt
      customerGuid
      scopes
      grantedScopes
      reused
    }
  }
`);

/** The document as sent, printed once. */
export const MINT_CUSTOMER_TOKEN_QUERY = print(MintCustomerToken);

/** What to mint: the gateway's `CreateCustomerTokenInput`. */
export type MintCustomerTokenInput = VariablesOf<typeof MintCustomerToken>["input"];

/** A minted token: the gateway's `CustomerToken`. */
export type CustomerToken = ResultOf<typeof MintCustomerToken>["createCustomerToken"];
