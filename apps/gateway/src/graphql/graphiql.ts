import type { GraphiQLOptions, GraphiQLRenderer } from "graphql-yoga";
import { installed } from "../config/optional-dependency.js";

/** GraphiQL is a development dependency: the deploy folder leaves it out, as production serves none. */
export const GRAPHIQL_INSTALLED = installed("@graphql-yoga/render-graphiql");

/** The customer of GraphiQL's example (and of `pnpm dev:broker`'s caller token). */
export const EXAMPLE_CUSTOMER_GUID = "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4";

/** What GraphiQL opens with: a ready mint that works against the Prism mock of `pnpm dev`. */
export const EXAMPLE_OPERATION = `# Mints a customer token. The bank token goes in the Authorization header (see Headers below).
mutation Mint {
  createCustomerToken(
    input: {
      customerGuid: "${EXAMPLE_CUSTOMER_GUID}"
      scopes: [CUSTOMERS_READ, ACCOUNTS_READ]
    }
  ) {
    accessToken
    tokenType
    expiresAt
    customerGuid
    scopes
    grantedScopes
  }
}
`;

/** Any bearer token satisfies Prism's security check. */
export const EXAMPLE_HEADERS = { Authorization: "Bearer demo-bank-token" };

/** GraphiQL in development; production serves none. */
export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: "tokengate",
  defaultQuery: EXAMPLE_OPERATION,
  headers: JSON.stringify(EXAMPLE_HEADERS),
};

/**
 * Serves GraphiQL from `@graphql-yoga/render-graphiql`, whose page carries
 * its scripts, styles and editor workers inline, so it works without
 * internet access (yoga's own renderer loads them from a CDN). The page is
 * about 9 MB of JavaScript: it is loaded on the first GraphiQL request, so a
 * production gateway, which serves none, never holds it.
 */
export const renderGraphiQL: GraphiQLRenderer = async (options) => {
  const { renderGraphiQL: renderBundled } = await import("@graphql-yoga/render-graphiql");
  return renderBundled(options);
};
