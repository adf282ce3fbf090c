import {
  type FaultHandler,
  type FaultServer,
  freePort,
  inTurn,
  reply,
  resetBeforeAnswer,
  resetMidBody,
  silence,
  startFaultServer,
} from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdpClient } from "../../src/index.js";
import { BANK_TOKEN, VALID_REQUEST } from "../support/fixtures.js";

let upstream: FaultServer;
beforeAll(async () => {
  upstream = await startFaultServer(silence);
});
afterAll(() => upstream.close());

const token = reply(201, '{"access_token":"a.b.c"}');
const status = (code: number, headers: Record<string, string> = {}) => reply(code, "", headers);

/** Answers the n-th request with the n-th handler (the last one repeats); counts the requests. */
function script(handlers: readonly [FaultHandler, ...FaultHandler[]]) {
  const before = upstream.requests.length;
  upstream.setHandler(inTurn(...handlers));
  return { calls: () => upstream.requests.length - before };
}

describe("retry policy: at most one retry, only when nothing was minted for sure", () => {
  it.each([
    ["503 then 201", [status(503), token], 2, undefined],
    ["502 then 201", [status(502), token], 2, undefined],
    ["503 twice", [status(503)], 2, "server_error"],
    ["a reset before any answer, then 201", [resetBeforeAnswer, token], 2, undefined],
    ["500", [status(500), token], 1, "server_error"],
    ["504", [status(504), token], 1, "server_error"],
    ["a reset mid-body (an answer had started)", [resetMidBody, token], 1, "network"],
    [
      "503 whose Retry-After exceeds the time left",
      [status(503, { "retry-after": "60" }), token],
      1,
      "server_error",
    ],
    ["401", [status(401), token], 1, "unauthorized"],
    ["422", [status(422), token], 1, "unexpected_response"],
    ["418", [status(418), token], 1, "unexpected_response"],
    ["no answer before the deadline", [silence, token], 1, "timeout"],
  ] as const)("%s → %i upstream call(s)", async (_name, steps, calls, kind) => {
    const counter = script(steps);
    const idp = createIdpClient({ baseUrl: upstream.url, token: BANK_TOKEN, timeoutMs: 1_000 });
    const { data, error } = await idp.createCustomerToken(VALID_REQUEST);
    await idp.close();
    expect(counter.calls()).toBe(calls);
    if (kind) expect(error?.kind).toBe(kind);
    else expect(data?.access_token).toBe("a.b.c");
  });

  it("retries a refused connection once, then reports it", async () => {
    // A free port: nothing listens there.
    const idp = createIdpClient({
      baseUrl: `http://127.0.0.1:${await freePort("127.0.0.1")}`,
      token: BANK_TOKEN,
    });
    const started = Date.now();
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "network", code: "ECONNREFUSED" });
    // One jittered pause of 50–150 ms between the two attempts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("does not retry when retry is off", async () => {
    const counter = script([status(503), token]);
    const idp = createIdpClient({ baseUrl: upstream.url, token: BANK_TOKEN, retry: false });
    expect((await idp.createCustomerToken(VALID_REQUEST)).error?.kind).toBe("server_error");
    expect(counter.calls()).toBe(1);
  });

  it("keeps the retry within the one deadline", async () => {
    const counter = script([status(503), silence]);
    const idp = createIdpClient({ baseUrl: upstream.url, token: BANK_TOKEN, timeoutMs: 400 });
    const started = Date.now();
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error?.kind).toBe("timeout");
    expect(counter.calls()).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
