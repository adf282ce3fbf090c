import { randomUUID } from "node:crypto";

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
