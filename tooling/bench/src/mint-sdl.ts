/**
 * The mutation as the yoga rows of the bench (the yoga floor, the naive
 * build) declare it: an SDL schema whose scope enum maps GraphQL names to
 * the wire values in `SCOPES`, as every target must send them.
 */
export interface MintInput {
  customerGuid: string;
  scopes: string[];
}

/** `SCOPES` from the environment: each enum name's wire value. */
export const SCOPES = JSON.parse(process.env.SCOPES ?? "{}") as Record<string, string>;

export const MINT_TYPE_DEFS = /* GraphQL */ `
  enum CustomerTokenScope { ${Object.keys(SCOPES).join(" ")} }
  input CreateCustomerTokenInput { customerGuid: String!, scopes: [CustomerTokenScope!]! }
  type CustomerToken { accessToken: String! }
  type Query { health: String }
  type Mutation { createCustomerToken(input: CreateCustomerTokenInput!): CustomerToken! }
`;
