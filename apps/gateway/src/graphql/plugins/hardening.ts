import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import type { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LIMITS } from "../../config/limits.js";
import type { GatewayErrorCode } from "../../core/error-codes.js";

/**
 * Limits on what one GraphQL document may ask for. The schema is shallow
 * (depth 3) and one request mints at most a few tokens, so the limits sit
 * just above honest use; GraphiQL's introspection query is exempt from them.
 */
const DOCUMENT_LIMITS = {
  maxDepth: LIMITS.MAX_DOCUMENT_DEPTH.value,
  maxAliases: LIMITS.MAX_DOCUMENT_ALIASES.value,
  maxTokens: LIMITS.MAX_DOCUMENT_TOKENS.value,
  maxDirectives: LIMITS.MAX_DOCUMENT_DIRECTIVES.value,
  maxCost: LIMITS.MAX_DOCUMENT_COST.value,
};

/** armor raises its rejections without a code; every error of this gateway has one. */
const rejectWith = (code: GatewayErrorCode) => [
  (_context: unknown, error: GraphQLError) => {
    const extensions = error.extensions as Record<string, unknown>;
    extensions.code ??= code;
  },
];
const onReject = rejectWith("GRAPHQL_VALIDATION_FAILED");

/** graphql-armor's limits, CSRF prevention, and (in production) no introspection or field suggestions. */
export function hardeningPlugins(production: boolean): Plugin[] {
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: { n: DOCUMENT_LIMITS.maxDepth, ignoreIntrospection: true, onReject },
      maxAliases: { n: DOCUMENT_LIMITS.maxAliases, allowList: [], onReject },
      // The token limit stops the parser itself.
      maxTokens: { n: DOCUMENT_LIMITS.maxTokens, onReject: rejectWith("GRAPHQL_PARSE_FAILED") },
      maxDirectives: { n: DOCUMENT_LIMITS.maxDirectives, onReject },
      costLimit: { maxCost: DOCUMENT_LIMITS.maxCost, ignoreIntrospection: true, onReject },
      blockFieldSuggestion: { enabled: production },
    }) as Plugin,
    // GET (queries only) must carry a custom header, so a cross-site "simple"
    // request cannot run an operation without a CORS preflight.
    useCSRFPrevention({ requestHeaders: ["x-graphql-csrf", "apollo-require-preflight"] }),
  ];
  if (production) plugins.push(useDisableIntrospection());
  return plugins;
}
