/**
 * This file was auto-generated from spec/openapi.yaml by
 * apps/gateway/scripts/generate-graphql.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
import type { CREATE_CUSTOMER_TOKEN_ERRORS } from "@tokengate/idp-client";
import type { GatewayErrorCode } from "../error-codes.js";

/** An answered error's GraphQL code, and the code of each documented `message_code` (`x-tokengate-graphql-code`). */
interface DocumentedErrorCodes {
  readonly code: GatewayErrorCode;
  readonly messageCodes: Readonly<Record<string, GatewayErrorCode>>;
}

/** The GraphQL code of every documented error status of `POST /api/customer_tokens`. */
export const CREATE_CUSTOMER_TOKEN_ERROR_CODES = {
  "401": {
    code: "UNAUTHENTICATED",
    messageCodes: {
      "invalid_subject": "UNAUTHENTICATED",
      "authentication_failed": "UNAUTHENTICATED",
      "unauthorized": "UNAUTHENTICATED",
      "authentication_malformed": "UNAUTHENTICATED",
    },
  },
  "403": {
    code: "FORBIDDEN",
    messageCodes: {
      "invalid_scopes": "FORBIDDEN",
      "forbidden": "FORBIDDEN",
    },
  },
  "422": {
    code: "BAD_USER_INPUT",
    messageCodes: {
      "no_customer": "CUSTOMER_NOT_FOUND",
    },
  },
  "429": {
    code: "UPSTREAM_RATE_LIMITED",
    messageCodes: {
      "rate_limited": "UPSTREAM_RATE_LIMITED",
    },
  },
} as const satisfies Readonly<
  Record<keyof typeof CREATE_CUSTOMER_TOKEN_ERRORS, DocumentedErrorCodes>
>;
