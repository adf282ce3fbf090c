// Brings in the `prismUrl` key that the testkit's globalSetup provides.
import type {} from "@tokengate/testkit/vitest-setup";
import { inject } from "vitest";

/** Base URL of the Prism mock started for this test run. */
export function prismUrl(): string {
  return inject("prismUrl");
}
