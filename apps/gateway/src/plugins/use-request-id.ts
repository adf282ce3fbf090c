import { randomUUID } from "node:crypto";
import type { Plugin } from "graphql-yoga";

/** A caller's id is kept only when it is short and plain, so it cannot forge log lines. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

const ids = new WeakMap<Request, string>();

/** The id of a request seen by `useRequestId` (its own, or a new UUID). */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    const given = request.headers.get("x-request-id");
    id = given && ACCEPTED.test(given) ? given : randomUUID();
    ids.set(request, id);
  }
  return id;
}

/** Echoes each request's id in the `x-request-id` response header. */
export function useRequestId(): Plugin {
  return {
    onResponse({ request, response }) {
      response.headers.set("x-request-id", requestIdOf(request));
    },
  };
}
