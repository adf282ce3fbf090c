import { Deadline } from "./deadline.js";
import { type IdpError, invalidRequest } from "./errors.js";
import type { OperationDescriptor } from "./operation.js";
import { type ReadOutcome, readAnswer } from "./response.js";
import { retryDelayMs } from "./retry.js";
import type { Send } from "./send.js";
import { thrownToError, tokenProviderError } from "./thrown-errors.js";
import { NoAnswerError } from "./transport/index.js";

/**
 * Returns the bank's bearer token; called before every request. A provider
 * with `invalidate` (like `clientCredentials`) is told when the upstream
 * refuses its token with 401, and the call is retried once with a new one.
 */
export type TokenProvider = (() => string | Promise<string>) & { invalidate?(token: string): void };

export interface CallOptions {
  /** Cancels the call; the result is then an `aborted` error. */
  signal?: AbortSignal;
  /** A bank token for this call only, instead of the client's own. */
  token?: string;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Extra request headers (e.g. `x-request-id`). */
  headers?: Record<string, string>;
}

/**
 * `{ data }` on success, `{ error }` otherwise. `status` is the upstream's
 * HTTP status whenever an answer was read; `response`, the answer as a WHATWG
 * `Response`, is made only when read (a `Response` per call is what the
 * default transport exists to avoid).
 */
export type CallResult<Data> =
  | { data: Data; error?: never; status: number; response: Response }
  | { data?: never; error: IdpError; status?: number; response?: Response };

/** Runs one operation through the pipeline: the call every generated method makes. */
export type Call = <Request, Answer, Data extends Answer>(
  operation: OperationDescriptor<Request, Answer, Data>,
  request: Request,
  options?: CallOptions,
) => Promise<CallResult<Data>>;

/** One try: its result, and whether the upstream provably never answered it (the one network failure worth a retry). */
interface Attempt<Data> {
  result: CallResult<Data>;
  noAnswer: boolean;
}

export interface PipelineOptions {
  send: Send;
  timeoutMs: number;
  retry: boolean;
  getToken: TokenProvider | undefined;
  /** `Bearer <token>` of a static bank token. */
  staticAuthorization: string | undefined;
  /** True once the client is closed: nothing more is sent. */
  isClosed: () => boolean;
  /** Each running call's deadline, so that `close({ abortInFlight })` can end them. */
  inFlight: Set<Deadline>;
}

/** The request headers of a call, lower-case, before authentication; a JSON body's content type. */
function baseHeaders(
  extra: Record<string, string> | undefined,
  withBody: boolean,
): Record<string, string> {
  const headers: Record<string, string> = withBody
    ? { "content-type": "application/json", accept: "application/json" }
    : { accept: "application/json" };
  if (extra) for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  return headers;
}

/** The result of an answer read against the contract; its `response` is made on first read. */
function resultOf<Data>(
  outcome: ReadOutcome<Data>,
  status: number,
  makeResponse: () => Response,
): CallResult<Data> {
  let response: Response | undefined;
  const lazy = () => {
    response ??= makeResponse();
    return response;
  };
  if (outcome.ok) {
    return {
      data: outcome.data,
      status,
      get response() {
        return lazy();
      },
    };
  }
  return {
    error: outcome.error,
    status,
    get response() {
      return lazy();
    },
  };
}

/**
 * The one call pipeline every operation goes through: validate → (closed?) →
 * authenticate → send → classify → retry once (no answer, 502/503) → refresh
 * a refused provider token once. One deadline covers all of it.
 */
export function createPipeline(options: PipelineOptions): Call {
  const { send, getToken, staticAuthorization, inFlight } = options;

  async function attempt<Request, Answer, Data extends Answer>(
    operation: OperationDescriptor<Request, Answer, Data>,
    request: Request,
    headers: Record<string, string>,
    deadline: Deadline,
  ): Promise<Attempt<Data>> {
    try {
      const received = await send(operation, request, headers, deadline);
      const outcome = readAnswer(operation, received.status, received.body, received.retryAfter);
      return { result: resultOf(outcome, received.status, received.response), noAnswer: false };
    } catch (thrown) {
      return {
        result: { error: thrownToError(thrown, deadline) },
        noAnswer: thrown instanceof NoAnswerError && !deadline.aborted,
      };
    }
  }

  /** The provider's bank token, within the call's deadline. */
  function bankToken(provider: TokenProvider, deadline: Deadline): Promise<string> {
    return deadline.race(Promise.resolve().then(() => provider()));
  }

  /** A provider that failed, or the deadline that cut it short. */
  function failedToken(error: unknown, deadline: Deadline): IdpError {
    return deadline.aborted ? thrownToError(error, deadline) : tokenProviderError(error);
  }

  return async (operation, request, call = {}) => {
    const checked = operation.validateRequest(request);
    if (!checked.ok) return { error: invalidRequest(checked.issues) };
    // The same on both transports: a closed pool would refuse, a caller's fetch would not.
    if (options.isClosed()) {
      return {
        error: { kind: "network", message: "The client is closed; nothing was sent", code: null },
      };
    }

    // One deadline for everything this call does: the bank token, the
    // attempt, the pause and the retry.
    const deadline = new Deadline(call.timeoutMs ?? options.timeoutMs, call.signal);
    inFlight.add(deadline);
    try {
      const headers = baseHeaders(call.headers, operation.requestKind === "body");
      let providerToken: string | undefined;
      if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
      else if (headers.authorization === undefined) {
        if (getToken) {
          try {
            providerToken = await bankToken(getToken, deadline);
          } catch (error) {
            return { error: failedToken(error, deadline) };
          }
          headers.authorization = `Bearer ${providerToken}`;
        } else if (staticAuthorization) headers.authorization = staticAuthorization;
      }

      let { result, noAnswer } = await attempt(operation, checked.value, headers, deadline);
      const delay =
        options.retry && result.error
          ? retryDelayMs(result.error, noAnswer, deadline.sendableMs())
          : null;
      if (delay !== null) {
        await deadline.sleep(delay);
        ({ result, noAnswer } = await attempt(operation, checked.value, headers, deadline));
      }
      // A cached bank token the upstream no longer accepts: refresh it once
      // and try once more. Never more: a second 401 is the answer.
      if (
        result.error?.kind === "unauthorized" &&
        providerToken !== undefined &&
        getToken?.invalidate
      ) {
        getToken.invalidate(providerToken);
        try {
          headers.authorization = `Bearer ${await bankToken(getToken, deadline)}`;
          ({ result } = await attempt(operation, checked.value, headers, deadline));
        } catch (error) {
          result = { error: failedToken(error, deadline) };
        }
      }
      return result;
    } finally {
      deadline.clear();
      inFlight.delete(deadline);
    }
  };
}
