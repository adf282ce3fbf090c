/**
 * This file was auto-generated from packages/graphql-client/persisted-documents.json
 * by apps/gateway/scripts/generate-trusted-documents.ts. Do not edit it by hand:
 * change the client's documents and run `pnpm generate`.
 */

/** The typed client's documents by id (the SHA-256 of the text, in hex). */
export const TRUSTED_DOCUMENTS: Readonly<Record<string, string>> = {
  "12beddbd12c1762c01bf8873a65c8f704ded892b6973315ba4d799735eb3e216": "mutation CreateCustomerToken($input: CreateCustomerTokenInput!) {\n  createCustomerToken(input: $input) {\n    accessToken\n    tokenType\n    expiresAt\n    reused\n    customerGuid\n    scopes\n    grantedScopes\n  }\n}",
  "ca3bcbec3f7951b504401add7984c61c066c6d3a4a7c28a84873ec47cb6c8e58": "query ListBankApplications($page: Int, $perPage: Int, $bankGuid: String) {\n  bankApplications(page: $page, perPage: $perPage, bankGuid: $bankGuid) {\n    total\n    page\n    perPage\n    objects {\n      name\n      clientId\n      scopes\n      createdAt\n      updatedAt\n    }\n  }\n}"
};
