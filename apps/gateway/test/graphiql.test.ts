import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { prismUrl } from "@tokengate/testkit/vitest";
import { describe, expect, it } from "vitest";
import { EXAMPLE_HEADERS } from "../src/graphql/graphiql.js";
import { launchChromium } from "./support/browser.js";
import { runGateway } from "./support/process.js";

/** Git-ignored; the screenshot is kept for a person to look at. */
const RESULTS_DIR = fileURLToPath(new URL("../test-results/", import.meta.url));

describe("GraphiQL as served in development", () => {
  it("renders with no request leaving the gateway's origin and mints with the ready example", async () => {
    const gateway = await runGateway({ IDP_BASE_URL: prismUrl() }).ready;
    const origin = new URL(gateway.url).origin;

    const browser = await launchChromium();

    // Every request the page makes is seen here; one to another host is refused and fails the test.
    const elsewhere = new Set<string>();
    await browser.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      elsewhere.add(url);
      return route.abort("blockedbyclient");
    });
    browser.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol !== "blob:" && url.protocol !== "data:" && url.origin !== origin) {
        elsewhere.add(request.url());
      }
    });

    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${gateway.url}/graphql`);
    const execute = page.locator(".graphiql-execute-button");
    await execute.waitFor({ timeout: 15_000 }).catch((error: unknown) => {
      throw new Error(
        `GraphiQL did not render; requests to other hosts: ${[...elsewhere].join(", ")}`,
        {
          cause: error,
        },
      );
    });

    const minted = page.waitForResponse(
      (response) =>
        response.request().method() === "POST" &&
        (response.request().postData() ?? "").includes("createCustomerToken"),
    );
    await execute.click();
    const response = await minted;
    expect(response.request().headers().authorization).toBe(EXAMPLE_HEADERS.Authorization);
    const answer = (await response.json()) as {
      data?: { createCustomerToken?: { accessToken?: string } };
      errors?: unknown;
    };
    expect(answer.errors).toBeUndefined();
    const token = answer.data?.createCustomerToken?.accessToken ?? "";
    expect(token.split(".")).toHaveLength(3);

    // What a person sees: the token in the result pane.
    const result = page.locator(".graphiql-response");
    await result.getByText(token.slice(0, 24)).first().waitFor({ timeout: 10_000 });
    expect(await result.textContent()).toContain('"accessToken"');

    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, "graphiql.png"), fullPage: true });
    expect([...elsewhere]).toEqual([]);
  }, 60_000);
});
