import { type FaultServer, forwardTo, startFaultServer } from "@tokengate/testkit";
import { prismUrl } from "@tokengate/testkit/vitest";
import { afterAll } from "vitest";
import { type App, buildApp, loadConfig, type RunningApp } from "../../src/index.js";
import { captureLogs } from "./logs.js";

export const GUID = "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4";
export const BANK_TOKEN = "Bearer bank-token-abc123";

export const MINT = /* GraphQL */ `
  mutation Mint($input: CreateCustomerTokenInput!) {
    createCustomerToken(input: $input) { accessToken tokenType expiresAt customerGuid scopes }
  }
`;

export interface TestGateway {
  /** Base URL of the gateway's own HTTP server, e.g. `http://127.0.0.1:41237`. */
  url: string;
  /** Base URL of its metrics server, when `METRICS_PORT` is set. */
  metricsUrl?: string;
  app: App;
  /** Every log line the gateway wrote, raw. */
  logs: string[];
  /** Drains and closes it (done after the file's tests otherwise). */
  stop(): Promise<boolean>;
}

const started: RunningApp[] = [];
afterAll(async () => {
  await Promise.all(started.splice(0).map((running) => running.stop()));
});

/**
 * The gateway as deployed: `buildApp` over `loadConfig` of an environment
 * whose upstream is `upstream`, listening on a free loopback port, with its
 * logs captured at debug level. `env` adds or overrides settings.
 */
export async function startGateway(
  upstream: string,
  env: Record<string, string> = {},
): Promise<TestGateway> {
  const loaded = loadConfig({
    IDP_BASE_URL: upstream,
    IDP_TIMEOUT_MS: "2000",
    LOG_LEVEL: "debug",
    HOST: "127.0.0.1",
    PORT: "0",
    DRAIN_GRACE_MS: "1000",
    ...env,
  });
  if (!loaded.ok) throw new Error(`test configuration refused: ${loaded.problems.join("; ")}`);
  const { sink, lines: logs } = captureLogs();
  const app = await buildApp(loaded.config, { logDestination: sink });
  const running = await app.listen();
  started.push(running);
  return {
    url: running.url,
    ...(running.metricsUrl && { metricsUrl: running.metricsUrl }),
    app,
    logs,
    stop: () => running.stop(),
  };
}

/** What reached the upstream: one entry per request, in order. */
export interface SentRequest {
  url: string;
  headers: Headers;
  body: unknown;
}

export interface RecordingUpstream {
  url: string;
  sent: SentRequest[];
}

/**
 * A real local server in front of the Prism mock that records every request
 * and passes it on; `prefer` (e.g. `code=422`) picks the answer Prism gives.
 */
export async function startRecordingPrism(prefer?: string): Promise<RecordingUpstream> {
  const sent: SentRequest[] = [];
  const forward = forwardTo(prismUrl(), prefer ? { prefer } : {});
  const server: FaultServer = await startFaultServer((request, response, body) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    sent.push({ url: request.url ?? "", headers, body: body ? JSON.parse(body) : undefined });
    return forward(request, response, body);
  });
  afterAll(() => server.close());
  return { url: server.url, sent };
}

/** A gateway over a recording Prism: the usual setup for a test that checks what is sent. */
export async function startGatewayOverPrism(
  prefer?: string,
  env: Record<string, string> = {},
): Promise<TestGateway & { sent: SentRequest[] }> {
  const upstream = await startRecordingPrism(prefer);
  return { ...(await startGateway(upstream.url, env)), sent: upstream.sent };
}

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: {
      createCustomerToken?: Record<string, unknown> | null;
      bankApplications?: Record<string, unknown> | null;
    } | null;
    errors?: {
      message: string;
      extensions?: { code?: string; upstream?: unknown } & Record<string, unknown>;
    }[];
  };
}

/** POSTs one GraphQL operation to the gateway's socket, as a client would. */
export async function post(
  gateway: { url: string },
  payload: { query?: string; operationName?: string; variables?: unknown; extensions?: unknown },
  headers: Record<string, string> = { authorization: BANK_TOKEN },
): Promise<GraphQLResponse> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(payload),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export function mint(gateway: { url: string }, input: unknown, headers?: Record<string, string>) {
  return post(gateway, { query: MINT, variables: { input } }, headers);
}

/** A local upstream that mints `a.b.c` for every request (and records them). */
export function startMintingUpstream(): Promise<FaultServer> {
  return startFaultServer((_request, response) => {
    response.writeHead(201, { "content-type": "application/json" });
    response.end('{"access_token":"a.b.c"}');
  });
}
