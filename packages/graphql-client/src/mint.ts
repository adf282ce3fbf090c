import { parse, print } from "@0no-co/graphql.web";
import type { ResultOf, VariablesOf } from "gql.tada";
import type { MintDocument } from "./document-types.js";

/** The operation's text: its literal type is what gql.tada infers the document's types from. */
export const MINT_SOURCE = `
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
`;

/** The one operation: mint a token and read back every field of `CustomerToken`. */
export const MintCustomerToken: MintDocument = parse(MINT_SOURCE);

/** The document as sent, printed once. */
export const MINT_CUSTOMER_TOKEN_QUERY = print(MintCustomerToken);

/** What to mint: the gateway's `CreateCustomerTokenInput`. */
export type MintCustomerTokenInput = VariablesOf<typeof MintCustomerToken>["input"];

/** A minted token: the gateway's `CustomerToken`. */
export type CustomerToken = ResultOf<typeof MintCustomerToken>["createCustomerToken"];
