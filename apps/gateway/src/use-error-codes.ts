import { GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";

/**
 * graphql-js reports a variable that cannot be coerced (`null` for a `String!`,
 * an unknown enum value) without a code. Those errors happen before any
 * resolver runs, so they are the caller's input: give them `BAD_USER_INPUT`,
 * so that every error this gateway returns carries `extensions.code`.
 */
export function useErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors?.some((error) => !error.extensions?.code))
            return;
          setResult({
            ...result,
            errors: result.errors.map((error) =>
              error.extensions?.code
                ? error
                : new GraphQLError(error.message, {
                    nodes: error.nodes,
                    source: error.source,
                    positions: error.positions,
                    path: error.path,
                    originalError: error.originalError,
                    extensions: {
                      ...error.extensions,
                      code: error.path ? "INTERNAL_SERVER_ERROR" : "BAD_USER_INPUT",
                    },
                  }),
            ),
          });
        },
      };
    },
  };
}
