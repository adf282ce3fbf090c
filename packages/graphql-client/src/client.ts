import { type AnswerShape, type Result, readAnswer } from "./answer.js";
import { clientError } from "./errors.js";
import { DOCUMENT_IDS } from "./generated/document-ids.js";
import { DOCUMENTS, type DocumentName } from "./generated/documents.js";
import { type OperationMethods, operationMethods } from "./generated/methods.js";

/** Returns the bearer token to send; called before every request. */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

export interface GatewayClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string | URL;
  /** Sent as `Authorization: Bearer …`: the bank token (passthrough) or the app's token (broker mode). */
  token?: string;
  /** Returns the bearer token before each request; wins over `token`. */
  getToken?: TokenProvider;
  /** The WHATWG `fetch` to send with (to observe or route requests). Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request (e.g. `x-request-id`); an `authorization` here wins over `token`. */
  headers?: Record<string, string>;
  /**
   * Send each operation's id in the gateway's trusted-documents manifest
   * instead of its text (`extensions.persistedQuery.sha256Hash`): needed when
   * the gateway runs with `TRUSTED_DOCUMENTS=required`. Default: `false`.
   */
  trustedDocuments?: boolean;
}

/** The options of one call, whichever operation it runs. */
export interface CallOptions {
  /** Cancels the call; the result is then an `ABORTED` error. */
  signal?: AbortSignal;
  /** Headers for this call only; they win over the client's. */
  headers?: Record<string, string>;
}

/** Sends one operation and reads its answer: every method of the client goes through one. */
export type Run = <Data>(
  name: DocumentName,
  variables: Record<string, unknown>,
  shape: AnswerShape<Data>,
  options: CallOptions,
) => Promise<Result<Data>>;

/** A typed method per operation of the gateway (`OperationMethods`, generated), named by its operationId. */
export interface GatewayClient extends OperationMethods {
  /** The endpoint requests go to. */
  readonly url: string;
  /**
   * The former name of `createCustomerToken`, which the client now names
   * after its operationId.
   *
   * @deprecated Use `createCustomerToken`; this alias is removed in 0.2.0.
   */
  mintCustomerToken: OperationMethods["createCustomerToken"];
}

/**
 * yoga's CSRF prevention refuses a request a browser could send cross-site
 * without a preflight unless it carries one of these headers; a JSON POST is
 * preflighted anyway, and the header keeps any other request valid too.
 */
const CSRF_HEADER = "x-graphql-csrf";

/**
 * The request body: the text, or only the id (the APQ shape, which the
 * gateway's persisted-operations plugin reads) and the gateway finds the text
 * in its manifest.
 */
function bodyOf(name: DocumentName, variables: Record<string, unknown>, byId: boolean): string {
  const document = byId
    ? { extensions: { persistedQuery: { version: 1, sha256Hash: DOCUMENT_IDS[name] } } }
    : { query: DOCUMENTS[name] };
  return JSON.stringify({ ...document, operationName: name, variables });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates a typed client for the tokengate gateway; works in browsers and
 * Node (it only needs `fetch`).
 *
 * @example
 * const gateway = createGatewayClient({ url: "http://localhost:4000/graphql", token: bankToken });
 * const { data, error } = await gateway.createCustomerToken({
 *   customerGuid: "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4",
 *   scopes: ["CUSTOMERS_READ"],
 * });
 * if (error) console.error(error.code, error.message);
 * else console.log(data.accessToken, data.expiresAt);
 */
export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const url = new URL(options.url).href;
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const getToken: TokenProvider = options.getToken ?? (() => options.token);

  async function headersFor(callHeaders: Record<string, string> | undefined): Promise<Headers> {
    const headers = new Headers({
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      [CSRF_HEADER]: "1",
    });
    const token = await getToken();
    if (token) headers.set("authorization", `Bearer ${token}`);
    for (const extra of [options.headers, callHeaders]) {
      for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
    }
    return headers;
  }

  /** Sends one operation and reads its answer; every operation of the client goes through here. */
  const run: Run = async (name, variables, shape, { signal, headers: callHeaders }) => {
    let headers: Headers;
    try {
      headers = await headersFor(callHeaders);
    } catch (error) {
      return {
        error: clientError("TOKEN_PROVIDER_FAILED", `getToken failed: ${messageOf(error)}`),
      };
    }
    const body = bodyOf(name, variables, options.trustedDocuments === true);
    let response: Response;
    let answer: unknown;
    try {
      response = await send(url, { method: "POST", headers, body, signal });
    } catch (error) {
      return signal?.aborted
        ? { error: clientError("ABORTED", "The call was aborted") }
        : { error: clientError("NETWORK_ERROR", `No answer from ${url}: ${messageOf(error)}`) };
    }
    try {
      answer = await response.json();
    } catch (error) {
      return signal?.aborted
        ? { error: clientError("ABORTED", "The call was aborted", response.status) }
        : {
            error: clientError(
              "UNEXPECTED_RESPONSE",
              `HTTP ${response.status}: the body is not JSON (${messageOf(error)})`,
              response.status,
            ),
          };
    }
    return readAnswer(response.status, answer, shape);
  };

  const methods = operationMethods(run);
  return { url, ...methods, mintCustomerToken: methods.createCustomerToken };
}
