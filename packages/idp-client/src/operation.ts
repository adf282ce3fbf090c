import type { ErrorObject } from "ajv";
import type { Client } from "openapi-fetch";
import type { IdpErrorKind } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import type { ValidationResult } from "./validate.js";

/** The kinds a documented error status may be given in the spec (`x-tokengate-error-kind`). */
export type DocumentedKind = Extract<
  IdpErrorKind,
  "unauthorized" | "forbidden" | "not_found" | "unprocessable" | "rate_limited" | "server_error"
>;

/** A documented error status of an operation. */
export interface DocumentedError {
  readonly kind: DocumentedKind;
  /** `x-tokengate-body-required`: only a well-formed body says what went wrong. */
  readonly bodyRequired: boolean;
  readonly messageCodes: readonly string[];
}

/** A precompiled (generated) validator of an answer's body. */
export interface AnswerValidator<Answer> {
  (data: unknown): data is Answer;
  errors?: ErrorObject[] | null;
}

/** What openapi-fetch gets beside the operation's own body or parameters. */
export interface OpenapiFetchInit {
  headers: Record<string, string>;
  parseAs: "text";
  signal: AbortSignal;
  redirect: "manual";
  fetch: (request: Request) => Promise<Response>;
}

/**
 * One operation of the spec as the client's pipeline carries it, generated
 * into `src/generated/operations.ts`: where it is sent, how its request is
 * checked and laid out, and what its answers mean.
 */
export interface OperationDescriptor<Request, Answer, Data extends Answer> {
  readonly operationId: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The spec's path template: `/api/users/{user_guid}`. */
  readonly path: string;
  /** `body`: the request is the JSON body; `parameters`: its path and query parameters. */
  readonly requestKind: "body" | "parameters";
  readonly pathParameters: readonly string[];
  readonly queryParameters: readonly string[];
  readonly successStatus: number;
  /** `x-tokengate-required`: fields a success body must carry, not empty. */
  readonly requiredFields: readonly (keyof Data & string)[];
  /** The documented error statuses, by status. */
  readonly errors: Readonly<Record<string, DocumentedError>>;
  /** Checks the request against the spec (precompiled). */
  readonly validateRequest: (input: unknown) => ValidationResult<Request>;
  /** Checks a success body against the spec (precompiled). */
  readonly isAnswer: AnswerValidator<Answer>;
  /** The same call through openapi-fetch, the route when middleware is configured. */
  readonly viaOpenapiFetch: (
    client: Client<paths>,
    request: Request,
    init: OpenapiFetchInit,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
}
