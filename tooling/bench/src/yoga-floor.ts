/**
 * The floor of graphql-yoga: the least a yoga server costs for the same
 * mutation. The floor proxy's one undici Pool request inside yoga's one
 * resolver, over an SDL schema whose enum maps names to wire values;
 * yoga's landing page, GraphiQL, CORS, batching and logging off; no
 * validation, limits, error mapping, logs or audit. What a gateway built on
 * yoga adds above the floor proxy starts here. `UPSTREAM` is the upstream's
 * URL, `SCOPES` the enum's names and wire values.
 */
import { createServer } from "node:http";
import { createSchema, createYoga } from "graphql-yoga";
import { Pool } from "undici";
import { MINT_TYPE_DEFS, type MintInput, SCOPES } from "./mint-sdl.js";

const upstream = new Pool(process.env.UPSTREAM ?? "", { connections: 64 });

const yoga = createYoga({
  logging: false,
  landingPage: false,
  graphiql: false,
  cors: false,
  batching: false,
  schema: createSchema<{ request: Request }>({
    typeDefs: MINT_TYPE_DEFS,
    resolvers: {
      CustomerTokenScope: SCOPES,
      Mutation: {
        createCustomerToken: async (
          _parent: unknown,
          { input }: { input: MintInput },
          { request }: { request: Request },
        ) => {
          const answer = await upstream.request({
            path: "/api/customer_tokens",
            method: "POST",
            headers: {
              "content-type": "application/json",
              authorization: request.headers.get("authorization") ?? "",
            },
            body: JSON.stringify({ customer_guid: input.customerGuid, scopes: input.scopes }),
          });
          const token = (await answer.body.json()) as { access_token: string };
          if (answer.statusCode >= 300) throw new Error(`upstream answered ${answer.statusCode}`);
          return { accessToken: token.access_token };
        },
      },
    },
  }),
});

const server = createServer(yoga);
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
