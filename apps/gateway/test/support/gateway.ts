import { createIdpClient, type IdpClient, type Middleware } from "@tokengate/idp-client";
import { type FaultServer, startFaultServer } from "@tokengate/testkit";
import { createGateway, createLogger, type Gateway } from "../../src/index.js";
import { captureLogs } from "./logs.js";

export const GUID = "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4";
export const BANK_TOKEN = "Bearer bank-token-abc123";

export const MINT = /* GraphQL */ `
  mutation Mint($input: CreateCustomerTokenInput!) {
    createCustomerToken(input: $input) { accessToken tokenType expiresAt customerGuid scopes }
  }
`;

export interface TestGateway {
  gateway: Gateway;
  /** Every request the client handed to the transport, as sent. */
  sent: { url: string; headers: Headers; body: unknown }[];
  /** Every log line the gateway wrote, raw. */
  logs: string[];
}

/**
 * The gateway as deployed, but with a client pointed at `baseUrl`, a
 * transport that records what is sent, and logs captured at debug level.
 */
export function buildGateway(
  baseUrl: string,
  options: {
    middleware?: Middleware[];
    timeoutMs?: number;
    production?: boolean;
    idp?: IdpClient;
  } = {},
): TestGateway {
  const sent: TestGateway["sent"] = [];
  const { sink, lines: logs } = captureLogs();
  const idp =
    options.idp ??
    createIdpClient({
      baseUrl,
      timeoutMs: options.timeoutMs ?? 2_000,
      middleware: options.middleware,
      fetch: async (request) => {
        const copy = request.clone();
        sent.push({ url: copy.url, headers: copy.headers, body: await copy.json() });
        return fetch(request);
      },
    });
  const gateway = createGateway({
    idp,
    logger: createLogger("debug", sink),
    production: options.production ?? false,
  });
  return { gateway, sent, logs };
}

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: { createCustomerToken?: Record<string, unknown> | null } | null;
    errors?: {
      message: string;
      extensions?: { code?: string; upstream?: unknown } & Record<string, unknown>;
    }[];
  };
}

/** POSTs one GraphQL operation in-process, as a client would over HTTP. */
export async function post(
  gateway: Gateway,
  payload: { query: string; variables?: unknown },
  headers: Record<string, string> = { authorization: BANK_TOKEN },
): Promise<GraphQLResponse> {
  const response = await gateway.fetch("http://gateway.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(payload),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export function mint(gateway: Gateway, input: unknown, headers?: Record<string, string>) {
  return post(gateway, { query: MINT, variables: { input } }, headers);
}

/** A local upstream that mints `a.b.c` for every request (and records them). */
export function startMintingUpstream(): Promise<FaultServer> {
  return startFaultServer((_request, response) => {
    response.writeHead(201, { "content-type": "application/json" });
    response.end('{"access_token":"a.b.c"}');
  });
}
