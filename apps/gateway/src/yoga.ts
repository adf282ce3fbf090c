import type { IdpClient } from "@tokengate/idp-client";
import { execute, GraphQLError } from "graphql";
import {
  createGraphQLError,
  createYoga,
  maskError,
  type Plugin,
  type YogaLogger,
  type YogaServerInstance,
} from "graphql-yoga";
import type { Logger } from "pino";
import { type Authorizer, passthroughAuthorizer } from "./auth/authorizer.js";
import type { GatewayContext } from "./context.js";
import { GRAPHIQL_OPTIONS, renderGraphiQL } from "./graphiql.js";
import { hardeningPlugins } from "./hardening.js";
import { requestIdOf, useRequestId } from "./request-id.js";
import { schema } from "./schema/index.js";
import { useErrorCodes } from "./use-error-codes.js";

export interface GatewayOptions {
  /** The upstream client, built by the caller so tests can inject one. */
  idp: IdpClient;
  /** Default: passthrough (the caller's bank token is forwarded). */
  authorizer?: Authorizer;
  logger: Logger;
  /** GraphiQL and introspection off. */
  production: boolean;
}

/** Yoga logs through pino, so its lines get the same redaction. */
function yogaLogger(logger: Logger): YogaLogger {
  // yoga logs an error it masks, and again when that error escaped execution.
  const logged = new WeakSet<object>();
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      const detail = rest.length ? rest.map(String) : undefined;
      if (first instanceof Error) {
        // yoga logs each error it masks: keep the thrown error, stack and all.
        const err = first instanceof GraphQLError ? (first.originalError ?? first) : first;
        if (logged.has(err)) return;
        logged.add(err);
        logger[level]({ source: "yoga", err, detail }, "unexpected error, masked for the caller");
      } else logger[level]({ source: "yoga", detail }, String(first));
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/**
 * graphql-js's own `execute` instead of yoga's default executor, whose extras
 * (@defer/@stream, subscriptions, input snapshots) this schema has no use
 * for; in-process it cut yoga's work per mint from about 52 to 44 µs.
 */
const useGraphQLJsExecute: Plugin = {
  onExecute({ setExecuteFn }) {
    setExecuteFn(execute);
  },
};

/**
 * Builds the gateway: a yoga server over the Pothos schema. Anything thrown
 * that is not one of the gateway's own GraphQL errors is logged and masked.
 */
export function createGateway({
  idp,
  logger,
  production,
  authorizer = passthroughAuthorizer,
}: GatewayOptions) {
  let plugins: readonly Plugin[] = [];
  // yoga keeps its full plugin list (its own plugins included) inside; the
  // hot path replays their HTTP hooks.
  const exposePlugins: Plugin = {
    onYogaInit({ yoga }) {
      plugins = yoga.getEnveloped._plugins as Plugin[];
    },
  };
  const gateway = createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    logging: yogaLogger(logger),
    landingPage: false,
    graphiql: production ? false : GRAPHIQL_OPTIONS,
    renderGraphiQL,
    plugins: [
      useGraphQLJsExecute,
      useRequestId(),
      useErrorCodes(),
      ...hardeningPlugins(production),
      exposePlugins,
    ],
    batching: false,
    // listen() refuses a body over MAX_BODY_BYTES, or of undeclared length,
    // before it is read, and Node's parser stops at Content-Length; yoga's own
    // limit would pipe every body through a stream to count it again.
    maxRequestBodySize: false,
    maskedErrors: {
      isDev: false,
      maskError(error, message) {
        const masked = maskError(error, message, false);
        if (masked === error) return masked;
        // yoga logs the error it was given (see yogaLogger), once.
        return createGraphQLError(message, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
      },
    },
    context: ({ request }): GatewayContext => {
      const requestId = requestIdOf(request);
      let log: Logger | undefined;
      return {
        idp,
        authorizer,
        authorization: request.headers.get("authorization"),
        requestId,
        // Most requests log nothing: bind the child logger only when one does.
        log: () => {
          log ??= logger.child({ requestId });
          return log;
        },
      };
    },
  });
  pluginsByGateway.set(gateway, plugins);
  return gateway;
}

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

const pluginsByGateway = new WeakMap<Gateway, readonly Plugin[]>();

/** All a gateway's plugins, yoga's own included, in the order yoga runs them. */
export function pluginsOf(gateway: Gateway): readonly Plugin[] {
  return pluginsByGateway.get(gateway) ?? [];
}
