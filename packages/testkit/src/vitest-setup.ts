import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startPrism } from "./prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock this test run started. */
    prismUrl: string;
  }
}

/**
 * vitest `globalSetup`: one Prism per test run, its URL given to tests as
 * `inject("prismUrl")`, stopped when the run ends, pass or fail.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startPrism();
  project.provide("prismUrl", mock.url);
  return () => mock.stop();
}
