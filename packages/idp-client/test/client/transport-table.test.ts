import {
  type FaultHandler,
  type FaultServer,
  freePort,
  inTurn,
  largeBody,
  notHttp,
  redirect,
  reply,
  resetBeforeAnswer,
  resetMidBody,
  silence,
  startFaultServer,
} from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CreateCustomerTokenResult,
  createIdpClient,
  type IdpClientOptions,
  type IdpErrorKind,
  type Middleware,
} from "../../src/index.js";
import { BANK_TOKEN, VALID_REQUEST } from "../support/fixtures.js";

/**
 * Every upstream fault and every documented middleware pattern, on both
 * transports: the same outcome and the same number of requests reaching a
 * real local server. A caller's `fetch` here only passes requests on.
 */

const LIMIT_BYTES = 4096;
const TOKEN = '{"access_token":"a.b.c"}';

let upstream: FaultServer;
/** Where every redirect points; nothing may ever reach it. */
let elsewhere: FaultServer;
/** A port nothing listens on. */
let refusedUrl: string;

beforeAll(async () => {
  upstream = await startFaultServer(silence);
  elsewhere = await startFaultServer(reply(201, TOKEN));
  refusedUrl = `http://127.0.0.1:${await freePort("127.0.0.1")}`;
});
afterAll(() => Promise.all([upstream.close(), elsewhere.close()]));

/** The options a row's client varies by: its transport and its middleware. */
type Variant = Pick<IdpClientOptions, "fetch" | "middleware">;

const TRANSPORTS: [string, Variant][] = [
  ["the undici pool", {}],
  ["a caller's fetch", { fetch: (request) => fetch(request) }],
];

/** Reads both bodies through clones, as tracing or logging middleware does. */
const cloningMiddleware: Middleware = {
  async onRequest({ request }) {
    await request.clone().text();
  },
  async onResponse({ response }) {
    await response.clone().text();
  },
};

type Want = { token: string } | { kind: IdpErrorKind; reason?: string; code?: string };

interface Row {
  /** A fresh handler per run, so a scripted sequence starts over. */
  upstream: () => FaultHandler;
  want: Want;
  /** Requests that reach the upstream. */
  calls: number;
  baseUrl?: () => string;
}

const answer =
  (status: number, body = "", headers: Record<string, string> = {}) =>
  () =>
    reply(status, body, headers);
const toElsewhere = (status: number) => () =>
  redirect(status, `${elsewhere.url}/api/customer_tokens`);
const token = { token: "a.b.c" };
const network = { kind: "network" } as const;
const unexpected = (reason: string) => ({ kind: "unexpected_response", reason }) as const;

const FAULTS: [string, Row][] = [
  ["a 201 token", { upstream: answer(201, TOKEN), want: token, calls: 1 }],
  [
    "a refused connection",
    {
      upstream: () => silence,
      baseUrl: () => refusedUrl,
      want: { kind: "network", code: "ECONNREFUSED" },
      calls: 0,
    },
  ],
  [
    "a reset before any answer, twice",
    { upstream: () => resetBeforeAnswer, want: network, calls: 2 },
  ],
  [
    "a reset before any answer, then a 201",
    { upstream: () => inTurn(resetBeforeAnswer, reply(201, TOKEN)), want: token, calls: 2 },
  ],
  ["a reset mid-body", { upstream: () => resetMidBody, want: network, calls: 1 }],
  ["an answer that is not HTTP", { upstream: () => notHttp, want: network, calls: 1 }],
  ["silence until the deadline", { upstream: () => silence, want: { kind: "timeout" }, calls: 1 }],
  ["500", { upstream: answer(500), want: { kind: "server_error" }, calls: 1 }],
  ["502", { upstream: answer(502), want: { kind: "server_error" }, calls: 2 }],
  ["503", { upstream: answer(503), want: { kind: "server_error" }, calls: 2 }],
  ["504", { upstream: answer(504), want: { kind: "server_error" }, calls: 1 }],
  [
    "503, then a 201",
    { upstream: () => inTurn(reply(503, ""), reply(201, TOKEN)), want: token, calls: 2 },
  ],
  [
    "a 201 that is not JSON",
    { upstream: answer(201, "<html/>"), want: unexpected("not_json"), calls: 1 },
  ],
  [
    "a 201 without access_token",
    { upstream: answer(201, "{}"), want: unexpected("contract_violation"), calls: 1 },
  ],
  ...[400, 404, 418].map((status): [string, Row] => [
    `an undocumented ${status}`,
    { upstream: answer(status, "{}"), want: unexpected("undocumented_status"), calls: 1 },
  ]),
  [
    "a status outside HTTP's range (799)",
    { upstream: answer(799, TOKEN), want: unexpected("undocumented_status"), calls: 1 },
  ],
  ...[301, 302, 303, 307, 308].map((status): [string, Row] => [
    `a ${status} redirect`,
    { upstream: toElsewhere(status), want: unexpected("redirect"), calls: 1 },
  ]),
  [
    "a body over maxResponseBytes, declared in Content-Length",
    { upstream: () => largeBody(100_000, "declared"), want: unexpected("too_large"), calls: 1 },
  ],
  [
    "a body over maxResponseBytes, streamed without a length",
    { upstream: () => largeBody(100_000, "streamed"), want: unexpected("too_large"), calls: 1 },
  ],
  [
    "a 401 that is not JSON",
    { upstream: answer(401, "denied"), want: { kind: "unauthorized" }, calls: 1 },
  ],
  [
    "a 403 that is not JSON",
    { upstream: answer(403, "<html/>"), want: { kind: "forbidden" }, calls: 1 },
  ],
];

/** What a middleware saw, for the rows that check it. */
interface Seen {
  requestBody?: unknown;
  responseBody?: unknown;
}

interface PatternRow extends Row {
  middleware: (seen: Seen) => Middleware;
  /** Checks what the middleware saw and what reached the upstream. */
  check?: (seen: Seen, sent: FaultServer["requests"]) => void;
}

const SECRET_IN_THROW = "tracing-secret-1f2e3d";

const PATTERNS: [string, PatternRow][] = [
  [
    "onRequest returns new Request(request, …) with replaced headers",
    {
      upstream: answer(201, TOKEN),
      middleware: () => ({
        onRequest({ request }) {
          const headers = new Headers(request.headers);
          headers.set("authorization", "Bearer swapped-by-middleware");
          return new Request(request, { headers });
        },
      }),
      want: token,
      calls: 1,
      check: (_seen, [sent]) => {
        expect(sent?.headers.authorization).toBe("Bearer swapped-by-middleware");
        expect(JSON.parse(sent?.body ?? "")).toEqual(VALID_REQUEST);
      },
    },
  ],
  [
    "onRequest sets a header on the request and returns it",
    {
      upstream: answer(201, TOKEN),
      middleware: () => ({
        onRequest({ request }) {
          request.headers.set("x-trace-id", "trace-1");
          return request;
        },
      }),
      want: token,
      calls: 1,
      check: (_seen, [sent]) => expect(sent?.headers["x-trace-id"]).toBe("trace-1"),
    },
  ],
  [
    "onRequest reads request.clone().json()",
    {
      upstream: answer(201, TOKEN),
      middleware: (seen) => ({
        async onRequest({ request }) {
          seen.requestBody = await request.clone().json();
        },
      }),
      want: token,
      calls: 1,
      check: (seen, [sent]) => {
        expect(seen.requestBody).toEqual(VALID_REQUEST);
        expect(JSON.parse(sent?.body ?? "")).toEqual(VALID_REQUEST);
      },
    },
  ],
  [
    "onResponse reads response.clone().json(), and the call mints once",
    {
      upstream: answer(201, TOKEN),
      middleware: (seen) => ({
        async onResponse({ response }) {
          seen.responseBody = await response.clone().json();
        },
      }),
      want: token,
      calls: 1,
      check: (seen) => expect(seen.responseBody).toEqual({ access_token: "a.b.c" }),
    },
  ],
  [
    "onResponse clones a 503, and the call is retried once as without it",
    {
      upstream: answer(503, "{}"),
      middleware: (seen) => ({
        async onResponse({ response }) {
          seen.responseBody = await response.clone().json();
        },
      }),
      want: { kind: "server_error" },
      calls: 2,
    },
  ],
  [
    "onResponse returns a new Response",
    {
      upstream: answer(201, TOKEN),
      middleware: () => ({
        onResponse() {
          return new Response('{"access_token":"from.middleware"}', {
            status: 201,
            headers: { "content-type": "application/json" },
          });
        },
      }),
      want: { token: "from.middleware" },
      calls: 1,
    },
  ],
  [
    "onRequest answers with a Response of its own, and nothing is sent",
    {
      upstream: answer(201, TOKEN),
      middleware: () => ({
        onRequest() {
          return new Response('{"access_token":"from.cache"}', { status: 201 });
        },
      }),
      want: { token: "from.cache" },
      calls: 0,
    },
  ],
  [
    "onError turns a reset before the answer into a Response",
    {
      upstream: () => resetBeforeAnswer,
      middleware: () => ({
        onError() {
          return new Response('{"access_token":"from.fallback"}', { status: 201 });
        },
      }),
      want: { token: "from.fallback" },
      calls: 1,
    },
  ],
  [
    "onRequest throws",
    {
      upstream: answer(201, TOKEN),
      middleware: () => ({
        onRequest({ request }) {
          throw new Error(`${SECRET_IN_THROW} ${request.headers.get("authorization")}`);
        },
      }),
      want: { kind: "internal" },
      calls: 0,
    },
  ],
  [
    "onResponse throws",
    {
      upstream: answer(201, TOKEN),
      middleware: () => ({
        onResponse() {
          throw new TypeError(SECRET_IN_THROW);
        },
      }),
      want: { kind: "internal" },
      calls: 1,
    },
  ],
  [
    "onRequest moves the request to another origin",
    {
      upstream: answer(201, TOKEN),
      middleware: () => ({
        onRequest({ request }) {
          return new Request(`${elsewhere.url}/api/customer_tokens`, request);
        },
      }),
      want: { kind: "internal" },
      calls: 0,
    },
  ],
  [
    "a middleware sees a redirect, which is still refused",
    {
      upstream: toElsewhere(308),
      middleware: () => cloningMiddleware,
      want: unexpected("redirect"),
      calls: 1,
    },
  ],
];

async function run(
  row: Row,
  options: Variant,
): Promise<{ result: CreateCustomerTokenResult; sent: FaultServer["requests"] }> {
  upstream.setHandler(row.upstream());
  const before = upstream.requests.length;
  const elsewhereBefore = elsewhere.requests.length;
  const idp = createIdpClient({
    baseUrl: row.baseUrl?.() ?? upstream.url,
    token: BANK_TOKEN,
    timeoutMs: 500,
    maxResponseBytes: LIMIT_BYTES,
    ...options,
  });
  try {
    const result = await idp.createCustomerToken(VALID_REQUEST);
    expect(elsewhere.requests.length, "requests that followed a redirect").toBe(elsewhereBefore);
    return { result, sent: upstream.requests.slice(before) };
  } finally {
    await idp.close();
  }
}

function expectOutcome(result: CreateCustomerTokenResult, want: Want): void {
  if ("token" in want) {
    expect(result.error).toBeUndefined();
    expect(result.data?.access_token).toBe(want.token);
    expect(result.response).toBeInstanceOf(Response);
    expect(result.response?.status).toBe(201);
  } else {
    expect(result.data).toBeUndefined();
    expect(result.error).toMatchObject(want);
  }
}

const outcomeName = (want: Want) =>
  "token" in want ? "a token" : [want.kind, want.reason ?? want.code].filter(Boolean).join("/");

for (const [transport, transportOptions] of TRANSPORTS) {
  for (const [path, middleware] of [
    ["without middleware", []],
    ["with cloning middleware", [cloningMiddleware]],
  ] as const) {
    describe(`${transport}, ${path}`, () => {
      for (const [name, row] of FAULTS) {
        it(`${name} → ${outcomeName(row.want)} after ${row.calls} upstream request(s)`, async () => {
          const { result, sent } = await run(row, {
            ...transportOptions,
            middleware: [...middleware],
          });
          expectOutcome(result, row.want);
          expect(sent).toHaveLength(row.calls);
        });
      }
    });
  }

  describe(`${transport}, middleware patterns`, () => {
    for (const [name, row] of PATTERNS) {
      it(`${name} → ${outcomeName(row.want)} after ${row.calls} upstream request(s)`, async () => {
        const seen: Seen = {};
        const { result, sent } = await run(row, {
          ...transportOptions,
          middleware: [row.middleware(seen)],
        });
        expectOutcome(result, row.want);
        expect(sent).toHaveLength(row.calls);
        expect(JSON.stringify(result.error ?? {})).not.toContain(SECRET_IN_THROW);
        expect(JSON.stringify(result.error ?? {})).not.toContain(BANK_TOKEN);
        row.check?.(seen, sent);
      });
    }
  });
}

describe.each(TRANSPORTS)("%s after close()", (_transport, options) => {
  it("sends nothing and reports the client closed", async () => {
    upstream.setHandler(reply(201, TOKEN));
    const before = upstream.requests.length;
    const idp = createIdpClient({ baseUrl: upstream.url, token: BANK_TOKEN, ...options });
    await idp.close();
    const { error } = await idp.createCustomerToken(VALID_REQUEST);
    expect(error).toMatchObject({ kind: "network", message: expect.stringMatching(/closed/) });
    expect(upstream.requests.length).toBe(before);
  });
});
