import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A well-formed customer token naming `customerGuid` (exp 2030-01-01), so a mix-up shows. */
export function tokenFor(customerGuid: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part({ sub: customerGuid, exp: 1893456000 })}.c3R1Yg`;
}

export interface BrokerStub {
  url: string;
  /** Mints answered, per customer guid. */
  mintsFor(customerGuid: string): number;
  /** Mints answered in all. */
  mints(): number;
  close(): Promise<void>;
}

/**
 * Broker mode's upstream for the multi-replica run: the token endpoint,
 * and a mint endpoint that answers each customer its own token and counts
 * the mints per customer.
 */
export async function startBrokerStub(): Promise<BrokerStub> {
  const perCustomer = new Map<string, number>();
  let total = 0;
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      if (request.url === "/oauth/token") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"access_token":"stub-bank-token","token_type":"Bearer","expires_in":3600}');
        return;
      }
      const guid = String((JSON.parse(body) as { customer_guid?: unknown }).customer_guid);
      perCustomer.set(guid, (perCustomer.get(guid) ?? 0) + 1);
      total += 1;
      const answer = JSON.stringify({ access_token: tokenFor(guid) });
      response.writeHead(201, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(answer),
      });
      response.end(answer);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    mintsFor: (guid) => perCustomer.get(guid) ?? 0,
    mints: () => total,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
