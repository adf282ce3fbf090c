/**
 * Helpers for the packages' vitest suites, run against the Prism mock that
 * `@tokengate/testkit/vitest-setup` starts.
 */

import { inject } from "vitest";
import type {} from "./vitest-setup.js";

/** Base URL of the Prism mock started for this test run. */
export function prismUrl(): string {
  return inject("prismUrl");
}

/**
 * An openapi-fetch middleware that asks Prism for one documented response
 * (`Prefer: code=403, example=forbidden`). Only tests send `Prefer`: the
 * client never forwards arbitrary headers on its own.
 */
export function preferResponse(
  code: number,
  example?: string,
): { onRequest(params: { request: Request }): void } {
  const value = example ? `code=${code}, example=${example}` : `code=${code}`;
  return {
    onRequest({ request }) {
      request.headers.set("prefer", value);
    },
  };
}
