/**
 * The floor of the benchmark: what any proxy in front of the upstream costs
 * at the least. It reads the same GraphQL-shaped body, builds the same wire
 * request (scope enum names as wire values), forwards it with undici.request over a keep-alive pool, and
 * answers a GraphQL-shaped result. No validation, no GraphQL engine.
 */
import { createServer } from "node:http";
import { Pool } from "undici";

const upstream = new Pool(process.env.UPSTREAM ?? "", { connections: 64 });
// Scope enum names to wire values, as every target must send them.
const scopes = new Map(Object.entries(JSON.parse(process.env.SCOPES ?? "{}") as object));
const port = Number(process.env.PORT);

const server = createServer((request, response) => {
  if (request.url === "/health") {
    response.end("{}");
    return;
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const input = variables.input;
      const answer = await upstream.request({
        path: "/api/customer_tokens",
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: String(request.headers.authorization),
        },
        body: JSON.stringify({
          customer_guid: input.customerGuid,
          scopes: input.scopes.map((name: string) => scopes.get(name)),
        }),
      });
      const token = (await answer.body.json()) as { access_token: string };
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({ data: { createCustomerToken: { accessToken: token.access_token } } }),
      );
    } catch {
      response.writeHead(502);
      response.end();
    }
  });
});
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
