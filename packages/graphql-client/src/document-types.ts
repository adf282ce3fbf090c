/**
 * Types only: imported with `import type`, so no build ever loads this
 * module, and gql.tada stays out of the run time (graphql.web parses).
 */
import type { GatewayGraphQL } from "./graphql.js";
import type { MINT_SOURCE } from "./mint.js";

declare const graphql: GatewayGraphQL;
declare const mintSource: typeof MINT_SOURCE;

// Never called: TypeScript resolves gql.tada's `graphql()` overloads on a
// call, which a type-level instantiation cannot (its first overload is for
// gql.tada's cache, whose constraint the text fails).
const mintDocument = () => graphql(mintSource);

/** gql.tada's typed document of the mint operation. */
export type MintDocument = ReturnType<typeof mintDocument>;
