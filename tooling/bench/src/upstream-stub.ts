import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A fixed, well-formed customer token (exp 2030-01-01). */
export const STUB_TOKEN =
  "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI3ZjNhMWM5ZTJiNGQ0ZThmYTZjMGQ1YjFlOWYyYTNjNCIsImV4cCI6MTg5MzQ1NjAwMH0.c3R1Yi1zaWduYXR1cmU";
const TOKEN_BODY = JSON.stringify({ access_token: STUB_TOKEN });
/** What the token endpoint answers broker mode's gateway: a bank token for an hour. */
const BANK_TOKEN_BODY = JSON.stringify({
  access_token: "stub-bank-token-for-broker-mode",
  token_type: "Bearer",
  expires_in: 3600,
});

export type StubMode = "ok" | "alternate-503";

/** A mint request as the upstream received it. */
export interface ReceivedMint {
  authorization: string | undefined;
  body: unknown;
}

export interface UpstreamStub {
  url: string;
  /** Requests answered so far. */
  count(): number;
  /** Resolves with the next mint request the stub receives (read in full only then). */
  nextMint(): Promise<ReceivedMint>;
  setMode(mode: StubMode): void;
  close(): Promise<void>;
}

/**
 * The fastest honest upstream: keep-alive, reads the whole body, answers the
 * same token (or, in `alternate-503`, every other request a 503); its
 * `/oauth/token` gives broker mode its bank token (not counted).
 */
export async function startUpstreamStub(): Promise<UpstreamStub> {
  let count = 0;
  let mode: StubMode = "ok";
  let capture: ((mint: ReceivedMint) => void) | null = null;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    const keep = capture !== null && request.url !== "/oauth/token";
    if (keep) request.on("data", (chunk: Buffer) => chunks.push(chunk));
    else request.resume();
    request.on("end", () => {
      if (keep && capture) {
        capture({
          authorization: request.headers.authorization,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        });
        capture = null;
      }
      if (request.url === "/oauth/token") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(BANK_TOKEN_BODY);
        return;
      }
      count += 1;
      if (mode === "alternate-503" && count % 2 === 0) {
        response.writeHead(503, { "content-type": "application/json", "retry-after": "0" });
        response.end('{"status":503,"error_message":"busy","message_code":"unavailable"}');
        return;
      }
      response.writeHead(201, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(TOKEN_BODY),
      });
      response.end(TOKEN_BODY);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => count,
    nextMint: () =>
      new Promise((resolve) => {
        capture = resolve;
      }),
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
