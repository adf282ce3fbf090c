import type { IdpClient } from "@tokengate/idp-client";
import {
  createGraphQLError,
  createYoga,
  maskError,
  type Plugin,
  type YogaServerInstance,
} from "graphql-yoga";
import type { Logger } from "pino";
import type { Authorizer } from "../auth/authorizer.js";
import { requestIdOf } from "../core/request-id.js";
import { SecretRegistry } from "../core/secrets.js";
import type { Admission } from "../operations/admission.js";
import type { AuditTrail } from "../ops/audit/trail.js";
import { requestLogger } from "../ops/logger.js";
import type { MintLimiter } from "../ops/rate-limit.js";
import type { Telemetry } from "../ops/telemetry.js";
import type { GatewayContext } from "./context.js";
import { GRAPHIQL_INSTALLED, GRAPHIQL_OPTIONS, renderGraphiQL } from "./graphiql.js";
import { hardeningPlugins } from "./plugins/hardening.js";
import { useBodyPolicy } from "./plugins/use-body-policy.js";
import { useBoundedErrors } from "./plugins/use-bounded-errors.js";
import { useCors } from "./plugins/use-cors.js";
import { useErrorCodes } from "./plugins/use-error-codes.js";
import { type Readiness, useReadiness } from "./plugins/use-readiness.js";
import { useRequestId } from "./plugins/use-request-id.js";
import { useTrustedDocuments } from "./plugins/use-trusted-documents.js";
import { schema } from "./schema/index.js";
import { yogaLogger } from "./yoga-logger.js";

export interface YogaOptions {
  idp: IdpClient;
  authorizer: Authorizer;
  logger: Logger;
  /** GraphiQL, introspection and suggestions off. */
  production: boolean;
  /** What `/ready` answers. */
  readiness: Readiness;
  /** Aborted when the drain budget is nearly spent. */
  shuttingDown: AbortSignal;
  /** Browser origins allowed by CORS; none: no CORS headers at all. */
  corsOrigins: readonly string[];
  /** Broker mode's mint limits, or `null`. */
  limiter: MintLimiter | null;
  /** Token reuse and the upstream budget, between the limits and the call. */
  admission: Admission;
  /** Where mints and upstream calls are reported. */
  telemetry: Telemetry;
  /** Where each operation's outcome is written as an audit event. */
  audit: AuditTrail;
  /** The metrics and tracing plugins that are on, run before every other. */
  telemetryPlugins: readonly Plugin[];
  /** Run only the typed client's documents, named by id (`TRUSTED_DOCUMENTS=required`). */
  trustedDocuments: boolean;
}

/**
 * The yoga server over the Pothos schema, with the gateway's plugins.
 * Anything thrown that is not one of the gateway's own GraphQL errors is
 * logged and masked. `buildApp` is the one caller: it pairs the client and
 * the authorizer from one auth mode.
 */
export function createYogaServer(options: YogaOptions): Gateway {
  const {
    idp,
    logger,
    production,
    authorizer,
    shuttingDown,
    limiter,
    telemetry,
    admission,
    audit,
  } = options;
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    logging: yogaLogger(logger),
    landingPage: false,
    graphiql: production || !GRAPHIQL_INSTALLED ? false : GRAPHIQL_OPTIONS,
    renderGraphiQL,
    // yoga's default reflects any Origin with credentials allowed; useCors
    // serves the configured origins only.
    cors: false,
    plugins: [
      ...options.telemetryPlugins,
      ...(options.corsOrigins.length > 0 ? [useCors(options.corsOrigins)] : []),
      useBodyPolicy(),
      useReadiness(options.readiness),
      useRequestId(),
      useErrorCodes(),
      useBoundedErrors({ production }),
      ...(options.trustedDocuments ? [useTrustedDocuments()] : []),
      ...hardeningPlugins(production),
    ],
    batching: false,
    // useBodyPolicy refuses a body over its limit, or of undeclared length,
    // before it is read, and Node's parser stops at Content-Length.
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
      const authorization = request.headers.get("authorization");
      // This request's own lines are scrubbed of these; no other line is.
      const secrets = new SecretRegistry();
      secrets.add(authorization?.replace(/^\S+\s+/, ""));
      let log: Logger | undefined;
      return {
        idp,
        authorizer,
        authorization,
        requestId,
        callerGone: request.signal,
        shuttingDown,
        secrets,
        limiter,
        admission,
        telemetry,
        audit,
        // Most requests log nothing: bind the child logger only when one does.
        log: () => {
          log ??= requestLogger(logger, { requestId }, secrets);
          return log;
        },
      };
    },
  });
}

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;
