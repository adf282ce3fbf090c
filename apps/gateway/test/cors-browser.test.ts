import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FaultServer, startFaultServer } from "@tokengate/testkit";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BANK_TOKEN, GUID, MINT, startGateway, startMintingUpstream } from "./support/gateway.js";

/** Debian's Chromium (`.ci/run` installs it); a browser is never downloaded. */
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
];

/** A page script that mints through the gateway and reports what it could read. */
function mintScript(gatewayUrl: string): string {
  const request = {
    method: "POST",
    headers: { "content-type": "application/json", authorization: BANK_TOKEN },
    body: JSON.stringify({
      query: MINT,
      variables: { input: { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] } },
    }),
  };
  return `fetch(${JSON.stringify(`${gatewayUrl}/graphql`)}, ${JSON.stringify(request)})
    .then((response) => response.text())
    .then((text) => "read: " + text, (error) => "blocked: " + error)`;
}

let upstream: FaultServer;
let site: FaultServer;
let html = "";
beforeAll(async () => {
  upstream = await startMintingUpstream();
  site = await startFaultServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
});
afterAll(async () => {
  await upstream.close();
  await site.close();
});

describe("CORS in a real browser", () => {
  it("lets a listed origin read an answer, and neither a sandboxed iframe of it (Origin: null) nor another origin", async () => {
    const other = "https://app-two.example";
    const gateway = await startGateway(upstream.url, {
      CORS_ORIGINS: `${new URL(site.url).origin} ${other}`,
    });
    const script = mintScript(gateway.url);
    // The iframe is sandboxed without allow-same-origin, so its origin is opaque: `null`.
    const frame = `<script>${script}.then((result) => parent.postMessage(result, "*"))</script>`;
    html = `<!doctype html><script>
      window.framed = new Promise((resolve) => addEventListener("message", (event) => resolve(event.data)));
      window.own = ${script};
    </script><iframe sandbox="allow-scripts" srcdoc="${frame.replaceAll('"', "&quot;")}"></iframe>`;

    const profile = mkdtempSync(join(tmpdir(), "tokengate-chromium-"));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(site.url);
      const own = await page.evaluate<string>("window.own");
      const framed = await page.evaluate<string>("window.framed");
      expect(own).toMatch(/^read: .*"accessToken":"a\.b\.c"/);
      expect(framed).toMatch(/^blocked: TypeError/);
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }

    for (const origin of ["null", "https://evil.example"]) {
      const preflight = await fetch(`${gateway.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST" },
      });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    }
    const listed = await fetch(`${gateway.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: other, "access-control-request-method": "POST" },
    });
    expect(listed.headers.get("access-control-allow-origin")).toBe(other);
    expect(listed.headers.get("vary")).toMatch(/\bOrigin\b/);
  });
});
