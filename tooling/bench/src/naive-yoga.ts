/**
 * A naive GraphQL build of the same mutation: what a first graphql-yoga
 * server looks like with its defaults. An SDL schema whose enum maps names
 * to wire values, one resolver calling the upstream with fetch, the
 * caller's Authorization passed on; no validation, limits or error mapping.
 * `UPSTREAM` is the upstream's URL, `SCOPES` the enum's names and wire values.
 */
import { createServer } from "node:http";
import { createSchema, createYoga } from "graphql-yoga";
import { MINT_TYPE_DEFS, type MintInput, SCOPES } from "./mint-sdl.js";

const upstream = process.env.UPSTREAM ?? "";

const yoga = createYoga<{ request: Request }>({
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
          const response = await fetch(`${upstream}/api/customer_tokens`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              authorization: request.headers.get("authorization") ?? "",
            },
            body: JSON.stringify({ customer_guid: input.customerGuid, scopes: input.scopes }),
          });
          if (!response.ok) throw new Error(`upstream answered ${response.status}`);
          const { access_token } = (await response.json()) as { access_token: string };
          return { accessToken: access_token };
        },
      },
    },
  }),
});

const server = createServer(yoga);
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
