import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./generated/graphql-env.js";

/**
 * gql.tada's `graphql()` over the gateway's committed `schema.graphql`: a
 * document's result and variable types are inferred from the schema. A
 * `DateTime` arrives as its JSON form, an RFC 3339 UTC string.
 */
export const graphql = initGraphQLTada<{
  introspection: typeof introspection;
  scalars: { DateTime: string };
}>();

/** A scope as the gateway's `CustomerTokenScope` enum names it, e.g. `"CUSTOMERS_READ"`. */
export type CustomerTokenScope = ReturnType<typeof graphql.scalar<"CustomerTokenScope">>;
