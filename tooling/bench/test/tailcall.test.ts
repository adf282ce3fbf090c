import { freePort } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUTHORIZATION,
  CUSTOMER_GUID,
  MINT_BODY,
  MINT_SCOPES,
  postGraphQL,
  tokenOf,
} from "../src/operation.js";
import { scopeWireValues } from "../src/scopes.js";
import { startTailcall } from "../src/tailcall.js";
import type { Target } from "../src/targets.js";
import { STUB_TOKEN, startUpstreamStub, type UpstreamStub } from "../src/upstream-stub.js";

// The package installs only on Linux x64 (its os and cpu fields); there it must run.
const installable = process.platform === "linux" && process.arch === "x64";
let stub: UpstreamStub;
let tailcall: Target;

beforeAll(async () => {
  if (!installable) return;
  stub = await startUpstreamStub();
  const started = await startTailcall(stub.url, await freePort("127.0.0.1"));
  if ("skipped" in started) throw new Error(`Tailcall did not start: ${started.skipped}`);
  tailcall = started.target;
});
afterAll(async () => {
  await tailcall?.stop();
  await stub?.close();
});

describe.runIf(installable)("Tailcall as the bench configures it", () => {
  it("sends the upstream the wire request, scopes as wire values, with the caller's Authorization", async () => {
    const received = stub.nextMint();
    await postGraphQL(tailcall.url, MINT_BODY);
    const wire = scopeWireValues();
    expect(await received).toEqual({
      authorization: AUTHORIZATION,
      body: { customer_guid: CUSTOMER_GUID, scopes: MINT_SCOPES.map((name) => wire[name]) },
    });
  });

  it("answers the upstream's token as accessToken, one upstream call per mint", async () => {
    const before = stub.count();
    const { status, text } = await postGraphQL(tailcall.url, MINT_BODY);
    expect(status).toBe(200);
    expect(tokenOf(text)).toBe(STUB_TOKEN);
    expect(stub.count() - before).toBe(1);
  });
});
