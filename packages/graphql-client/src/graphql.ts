import type { initGraphQLTada } from "gql.tada";
import type { introspection } from "./generated/graphql-env.js";

/**
 * gql.tada's setup for the gateway's committed `schema.graphql`: an app that
 * writes documents of its own runs `initGraphQLTada<GatewayGraphQLSetup>()`.
 * A `DateTime` arrives as its JSON form, an RFC 3339 UTC string.
 */
export type GatewayGraphQLSetup = {
  introspection: typeof introspection;
  scalars: { DateTime: string };
};

/**
 * gql.tada's `graphql()` over the gateway's schema, as a type only: this
 * package infers its documents' types with it and never loads gql.tada at
 * run time (`@0no-co/graphql.web` parses and prints).
 */
export type GatewayGraphQL = ReturnType<typeof initGraphQLTada<GatewayGraphQLSetup>>;

// A declaration only, for the type below: nothing is emitted for it.
declare const graphql: GatewayGraphQL;

/** A scope as the gateway's `CustomerTokenScope` enum names it, e.g. `"CUSTOMERS_READ"`. */
export type CustomerTokenScope = ReturnType<typeof graphql.scalar<"CustomerTokenScope">>;
