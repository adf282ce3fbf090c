import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { type GraphQLParams, isPromise, type Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import { respondWithError, respondWithFetchResponse } from "./respond.js";
import { type Gateway, pluginsOf } from "./yoga.js";

type Hook<Name extends keyof Plugin> = NonNullable<Plugin[Name]>;
type RequestParser = Parameters<Parameters<Hook<"onRequestParse">>[0]["setRequestParser"]>[0];
type RequestParseDone = NonNullable<
  Extract<Awaited<ReturnType<Hook<"onRequestParse">>>, object>["onRequestParseDone"]
>;
type ResultPayload = Parameters<Hook<"onResultProcess">>[0];
type ResultProcessor = Parameters<ResultPayload["setResultProcessor"]>[0];
type ServerContext = ResultPayload["serverContext"];

/** A header as one string, as `Headers` joins repeated ones. */
function joined(value: string | string[]): string {
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Node's parsed headers, read the way a `Headers` is (as @whatwg-node/server builds them). */
class IncomingHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : joined(value);
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
}

/**
 * What yoga and its plugins read of a JSON POST: method, URL, headers and
 * the body, already read (listen() lets no other content type through).
 */
class IncomingRequestView {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHeaders;
  constructor(
    readonly message: IncomingMessage,
    readonly body: string,
  ) {
    this.method = message.method ?? "POST";
    this.url = `http://${message.headers.host ?? "localhost"}${message.url ?? "/"}`;
    this.headers = new IncomingHeaders(message.headers);
  }
  json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.body));
    } catch (error) {
      return Promise.reject(error);
    }
  }
}

/** No plugin of this gateway defers work past its answer. */
const noWaiting = (): void => undefined;

/** A request's URL is parsed only if a hook asks for it, as yoga does. */
function lazyUrl(href: string): URL {
  let url: URL | undefined;
  return new Proxy({} as URL, {
    get(_target, property) {
      url ??= new URL(href);
      return Reflect.get(url, property, url);
    },
  });
}

/**
 * The hot path: `POST /graphql` served straight from Node's request and
 * response, through yoga's own hooks and pipeline.
 *
 * Why: @whatwg-node/server turns each Node request into a WHATWG `Request`
 * and each answer into a `Response` and back, through layers of promise
 * helpers; profiles put that adapter at about a third of the gateway's CPU
 * per mint. This path replays, in yoga's order, what yoga does with a
 * request — its request-parse hooks (parsers, CSRF, introspection switch,
 * params checks), `getResultForParams` (envelop, every plugin, masking),
 * its result-process hooks and the response hooks — on a lean view of the
 * request. The adapter's request hooks are skipped: for a POST to the
 * GraphQL route they do nothing (health and GraphiQL are other routes, CORS
 * answers OPTIONS). A request yoga refuses before any operation runs (bad
 * JSON, bad params) is served again by yoga's `fetch`, which answers it in
 * its own words.
 *
 * yoga's own `handle` (and its `parseRequest`) are public, and calling them
 * would replace the two copies below; measured against this file (A/B,
 * three rounds each), they cost 40–90 µs more CPU per mint, so the hooks
 * are replayed here with plain awaits and Node's own `URL`.
 */
export function createHotPath(gateway: Gateway, logger: Logger) {
  const plugins = pluginsOf(gateway);
  const hooksOf = <Name extends "onRequestParse" | "onResultProcess" | "onResponse">(name: Name) =>
    plugins.flatMap((plugin) => (plugin[name] ? [plugin[name] as Hook<Name>] : []));
  const requestParseHooks = hooksOf("onRequestParse");
  const resultProcessHooks = hooksOf("onResultProcess");
  const responseHooks = hooksOf("onResponse");
  // Read once: each read through yoga's adapter proxy builds a new wrapper.
  const { fetchAPI, graphqlEndpoint, getResultForParams } = gateway;
  // Most hooks answer synchronously; each is awaited only when it returns a
  // promise, since an `await` on a plain value still costs a microtask.

  /** yoga's `parseRequest`: params, or a response a hook ended with. Throws what yoga would refuse. */
  async function parseRequest(
    request: Request,
    serverContext: ServerContext,
  ): Promise<{ params: GraphQLParams } | { response: Response }> {
    let parser: RequestParser | undefined;
    let early: Response | undefined;
    const done: RequestParseDone[] = [];
    const url = lazyUrl(request.url);
    for (const hook of requestParseHooks) {
      let result = hook({
        request,
        url,
        requestParser: parser,
        serverContext,
        setRequestParser(next) {
          parser = next;
        },
        endResponse(response) {
          early = response;
        },
        fetchAPI,
      });
      if (isPromise(result)) result = await result;
      if (result?.onRequestParseDone) done.push(result.onRequestParseDone);
      if (early) return { response: early };
    }
    const chosen = parser as RequestParser | undefined;
    if (!chosen) {
      return {
        response: new fetchAPI.Response(null, {
          status: 415,
          statusText: "Unsupported Media Type",
        }),
      };
    }
    const parsed = await chosen(request);
    if (parsed instanceof fetchAPI.Response) return { response: parsed };
    let params = parsed as GraphQLParams | GraphQLParams[];
    for (const hook of done) {
      const pending = hook({
        requestParserResult: params,
        setRequestParserResult(next) {
          params = next;
        },
      });
      if (isPromise(pending)) await pending;
    }
    // Batching is off: yoga's own batching check has refused an array by now.
    return { params: params as GraphQLParams };
  }

  /** yoga's `processResult`: the hooks pick a result processor, which answers. */
  async function processResult(
    request: Request,
    serverContext: ServerContext,
    initial: ResultPayload["result"],
  ): Promise<Response> {
    let result = initial;
    let processor: ResultProcessor | undefined;
    let acceptedMediaType = "*/*";
    const acceptableMediaTypes: string[] = [];
    for (const hook of resultProcessHooks) {
      const pending = hook({
        request,
        acceptableMediaTypes,
        result,
        setResult(next) {
          result = next;
        },
        resultProcessor: processor,
        setResultProcessor(next, mediaType) {
          processor = next;
          acceptedMediaType = mediaType;
        },
        serverContext,
      });
      if (isPromise(pending)) await pending;
    }
    const chosen = processor as ResultProcessor | undefined;
    if (!chosen) {
      return new fetchAPI.Response(null, {
        status: 406,
        statusText: "Not Acceptable",
        headers: { accept: acceptableMediaTypes.join("; charset=utf-8, ") },
      });
    }
    return chosen(result, fetchAPI, acceptedMediaType);
  }

  /** The adapter's `onResponse` hooks (the request id header, CORS). */
  async function finish(request: Request, serverContext: ServerContext, initial: Response) {
    let response = initial;
    for (const hook of responseHooks) {
      const pending = hook({
        request,
        response,
        serverContext,
        setResponse(next) {
          response = next;
        },
        fetchAPI,
      });
      if (isPromise(pending)) await pending;
    }
    return response;
  }

  async function serve(message: IncomingMessage, response: ServerResponse, body: string) {
    const view = new IncomingRequestView(message, body);
    const request = view as unknown as Request;
    const serverContext: ServerContext = { waitUntil: noWaiting };
    let answer: Response;
    try {
      const parsed = await parseRequest(request, serverContext);
      answer =
        "response" in parsed
          ? parsed.response
          : await processResult(
              request,
              serverContext,
              // Passed on as yoga's own `handle` does, even the `undefined` its types allow.
              (await getResultForParams(
                { params: parsed.params, request },
                serverContext,
              )) as ResultPayload["result"],
            );
    } catch (error) {
      // yoga's params handler marks the context before it runs an operation,
      // and answers any error of the operation itself; a throw before that
      // mark is a refusal of the request, safe to hand to yoga whole.
      if ("params" in serverContext) throw error;
      return serveThroughYoga(view, response);
    }
    await respondWithFetchResponse(await finish(request, serverContext, answer), response);
  }

  /** yoga's own handling, for a request it refuses before any operation runs. */
  async function serveThroughYoga(view: IncomingRequestView, response: ServerResponse) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(view.message.headers)) {
      if (value !== undefined) headers.set(name, joined(value));
    }
    const answer = await gateway.fetch(view.url, { method: "POST", headers, body: view.body });
    await respondWithFetchResponse(answer, response);
  }

  return {
    /** True for the requests the hot path serves; decided before the body is read. */
    accepts(message: IncomingMessage): boolean {
      return message.method === "POST" && message.url === graphqlEndpoint;
    },

    serve(message: IncomingMessage, response: ServerResponse): void {
      const chunks: Buffer[] = [];
      message.on("data", (chunk: Buffer) => chunks.push(chunk));
      message.once("end", () => {
        serve(message, response, Buffer.concat(chunks).toString("utf8")).catch((error: unknown) => {
          // yoga masks and answers every error of an operation; reaching here is a bug.
          logger.error({ err: error }, "hot path failed");
          respondWithError(response, 500, "INTERNAL_SERVER_ERROR", "Unexpected error.");
        });
      });
    },
  };
}
