import { GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

function fillCodes<T extends GraphQLError>(
  errors: readonly T[],
  code: string,
): GraphQLError[] | null {
  if (errors.every((error) => error.extensions?.code)) return null;
  return errors.map((error) => (error.extensions?.code ? error : withCode(error, code)));
}

/**
 * Gives every error this gateway returns an `extensions.code`. Three sources
 * come without one: graphql-js's variable coercion (`null` for a `String!`,
 * an unknown enum value) → `BAD_USER_INPUT`; validation errors of other
 * rules → `GRAPHQL_VALIDATION_FAILED`; and yoga's refusals of the HTTP
 * request itself (the CSRF check) → `BAD_REQUEST`. (graphql-armor's own
 * rejections get their code where they are raised, in `hardening.ts`.)
 */
export function useErrorCodes(): Plugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        const filled = fillCodes(result, "GRAPHQL_VALIDATION_FAILED");
        if (filled) setResult(filled);
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors) return;
          // Errors with a path come from resolvers and are masked elsewhere;
          // without one they are the variables, coerced before any resolver ran.
          const filled = fillCodes(result.errors, "BAD_USER_INPUT");
          if (filled) setResult({ ...result, errors: filled });
        },
      };
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || isAsyncIterable(result) || !result.errors) return;
      const filled = fillCodes(result.errors, "BAD_REQUEST");
      if (filled) setResult({ ...result, errors: filled });
    },
  };
}
