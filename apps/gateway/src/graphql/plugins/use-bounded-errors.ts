import { GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { LIMITS } from "../../config/limits.js";

const MAX_ERRORS = LIMITS.MAX_ERRORS.value;
const MAX_ERROR_MESSAGE_CHARS = LIMITS.MAX_ERROR_MESSAGE_CHARS.value;

/** graphql-js's hints name the schema's values and fields to a caller probing it. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function bounded(message: string, production: boolean): string {
  const text = production ? message.replace(SUGGESTION, "") : message;
  return text.length > MAX_ERROR_MESSAGE_CHARS
    ? `${text.slice(0, MAX_ERROR_MESSAGE_CHARS - 1)}…`
    : text;
}

function withMessage(error: GraphQLError, message: string): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * Keeps every error answer small whatever the input (a 60 KB list of bad
 * addresses answers a few KB, not half a MB), and in production drops
 * graphql-js's "Did you mean" hints, as armor does for field suggestions.
 */
export function useBoundedErrors({ production }: { production: boolean }): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || isAsyncIterable(result) || !result.errors) return;
      const errors = result.errors.slice(0, MAX_ERRORS);
      let changed = errors.length < result.errors.length;
      const kept = errors.map((error) => {
        const message = bounded(error.message, production);
        if (message === error.message) return error;
        changed = true;
        return withMessage(error, message);
      });
      if (changed) setResult({ ...result, errors: kept });
    },
  };
}
