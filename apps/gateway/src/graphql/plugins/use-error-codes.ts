import { GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { GatewayErrorCode } from "../../core/error-codes.js";

type OnExecuteDonePayload = Parameters<
  NonNullable<Exclude<Awaited<ReturnType<NonNullable<Plugin["onExecute"]>>>, void>["onExecuteDone"]>
>[0];

function withCode(error: GraphQLError, code: GatewayErrorCode): GraphQLError {
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
  code: GatewayErrorCode,
): GraphQLError[] | null {
  if (errors.every((error) => error.extensions?.code)) return null;
  return errors.map((error) => (error.extensions?.code ? error : withCode(error, code)));
}

/**
 * Gives every error this gateway returns an `extensions.code`. Two sources
 * come without one: graphql-js's variable coercion (`null` for a `String!`,
 * an unknown enum value) → `BAD_USER_INPUT`; and yoga's refusals of the HTTP
 * request itself (the CSRF check) → `BAD_REQUEST`. (Validation errors get
 * `GRAPHQL_VALIDATION_FAILED` from yoga's own HTTP validation plugin, and
 * graphql-armor's rejections get theirs where they are raised, in
 * `hardening.ts`.)
 */
export function useErrorCodes(): Plugin {
  const afterExecute = {
    onExecuteDone({ result, setResult }: OnExecuteDonePayload) {
      if (isAsyncIterable(result) || !result.errors) return;
      // Errors with a path come from resolvers and are masked elsewhere;
      // without one they are the variables, coerced before any resolver ran.
      const filled = fillCodes(result.errors, "BAD_USER_INPUT");
      if (filled) setResult({ ...result, errors: filled });
    },
  };
  return {
    onExecute: () => afterExecute,
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || isAsyncIterable(result) || !result.errors) return;
      const filled = fillCodes(result.errors, "BAD_REQUEST");
      if (filled) setResult({ ...result, errors: filled });
    },
  };
}
