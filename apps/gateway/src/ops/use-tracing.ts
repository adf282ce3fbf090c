import {
  context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { core } from "@opentelemetry/sdk-node";
import { getOperationAST } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { LIMITS } from "../config/limits.js";
import { requestIdOf } from "../core/request-id.js";

const fromHeaders: TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};

/** The caller's `traceparent` only: its `tracestate` and `baggage` are never taken in, so never sent on. */
const traceparentOnly = new core.W3CTraceContextPropagator();

/** An operation name is the caller's text; a span carries this much of it. */
const MAX_TRACED_NAME_CHARS = LIMITS.MAX_TRACED_NAME_CHARS.value;

function bounded(name: string): string {
  return name.length > MAX_TRACED_NAME_CHARS
    ? `${name.slice(0, MAX_TRACED_NAME_CHARS - 1)}…`
    : name;
}

/** The caller's trace to continue: its trace id, parent span id and flags, and nothing else. */
function callerParent(headers: Headers) {
  const sent = trace.getSpanContext(traceparentOnly.extract(ROOT_CONTEXT, headers, fromHeaders));
  if (!sent) return ROOT_CONTEXT;
  const { traceId, spanId, traceFlags } = sent;
  return trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags, isRemote: true });
}

/**
 * A server span per GraphQL operation, continuing the trace id of the
 * caller's `traceparent` when it sends one (but not its `tracestate` or
 * `baggage`; whether it is sampled is the configured sampler's call, see
 * `tracing.ts`), and active while the operation runs, so the upstream calls
 * under it become its children. Its name and attributes are the
 * operation's type and name (at most `MAX_TRACED_NAME_CHARS`), the request
 * id, and the `extensions.code`s of its errors: nothing a caller sent as a
 * credential or input value.
 */
export function useTracing(tracer: Tracer): Plugin {
  const spans = new WeakMap<Request, Span>();
  return {
    instrumentation: {
      operation({ request }, wrapped) {
        const parent = callerParent(request.headers);
        const span = tracer.startSpan(
          "graphql.operation",
          { kind: SpanKind.SERVER, attributes: { "tokengate.request_id": requestIdOf(request) } },
          parent,
        );
        spans.set(request, span);
        return context.with(trace.setSpan(parent, span), async () => {
          try {
            await wrapped();
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.end();
          }
        });
      },
    },
    onExecute({ args }) {
      const span = spans.get(args.contextValue.request);
      const operation = getOperationAST(args.document, args.operationName);
      if (!span || !operation) return;
      const given = operation.name?.value;
      const name = given === undefined ? undefined : bounded(given);
      span.updateName(name ? `${operation.operation} ${name}` : operation.operation);
      span.setAttribute("graphql.operation.type", operation.operation);
      if (name) span.setAttribute("graphql.operation.name", name);
    },
    onExecutionResult({ request, result }) {
      const span = spans.get(request);
      if (!span || isAsyncIterable(result)) return;
      const errors = (Array.isArray(result) ? result : [result]).flatMap((one) => one.errors ?? []);
      if (errors.length === 0) return;
      const codes = [...new Set(errors.map((error) => String(error.extensions?.code ?? "")))];
      span.setAttribute("tokengate.error_codes", codes);
      span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(",") });
    },
  };
}
