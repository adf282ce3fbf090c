/**
 * Types only: imported with `import type`, so no build ever loads this
 * module, and gql.tada stays out of the run time (graphql.web parses).
 */
import type { LIST_BANK_APPLICATIONS_SOURCE } from "./bank-applications.js";
import type { GatewayGraphQL } from "./graphql.js";
import type { MINT_SOURCE } from "./mint.js";

declare const graphql: GatewayGraphQL;
declare const mintSource: typeof MINT_SOURCE;
declare const listBankApplicationsSource: typeof LIST_BANK_APPLICATIONS_SOURCE;

// Never called: TypeScript resolves gql.tada's `graphql()` overloads on a
// call, which a type-level instantiation cannot (its first overload is for
// gql.tada's cache, whose constraint the text fails).
const mintDocument = () => graphql(mintSource);
const listBankApplicationsDocument = () => graphql(listBankApplicationsSource);

/** gql.tada's typed document of the mint operation. */
export type MintDocument = ReturnType<typeof mintDocument>;

/** gql.tada's typed document of the bank-applications query. */
export type ListBankApplicationsDocument = ReturnType<typeof listBankApplicationsDocument>;
