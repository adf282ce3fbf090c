import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { getOperationAST } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { requestIdOf } from "./use-request-id.js";

const fromHeaders: TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};

/**
 * A server span per GraphQL operation, continuing the caller's
 * `traceparent` when it sends one, and active while the operation runs, so
 * the upstream calls under it become its children. Its name and
 * attributes are the operation's type and name, the request id, and the
 * `extensions.code`s of its errors: nothing a caller sent as a credential
 * or input value.
 */
export function useTracing(tracer: Tracer): Plugin {
  const spans = new WeakMap<Request, Span>();
  return {
    instrumentation: {
      operation({ request }, wrapped) {
        const parent = propagation.extract(ROOT_CONTEXT, request.headers, fromHeaders);
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
      const name = operation.name?.value;
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
