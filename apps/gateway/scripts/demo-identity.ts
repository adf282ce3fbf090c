/**
 * A stand-in for the identity provider of a bank's app, to try broker mode
 * on one machine: one signing key, its JWKS at `/jwks.json`, and at `/token`
 * a fresh app token (10 minutes) for caller `demo-user` and the customer
 * `?customer=` names (the docs' example customer by default). Its issuer is
 * its own URL; the audience is `tokengate`. `DEMO_IDENTITY_PORT` (default
 * 4020) moves it. Ctrl-C stops it.
 */
import { createServer } from "node:http";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

const port = Number(process.env.DEMO_IDENTITY_PORT || "4020");
const issuer = `http://127.0.0.1:${port}/`;
const EXAMPLE_CUSTOMER = "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4";

const { privateKey, publicKey } = await generateKeyPair("RS256");
const jwks = JSON.stringify({
  keys: [{ ...(await exportJWK(publicKey)), kid: "demo", alg: "RS256", use: "sig" }],
});

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", issuer);
  if (url.pathname === "/jwks.json") {
    response.writeHead(200, { "content-type": "application/json" }).end(jwks);
    return;
  }
  if (url.pathname === "/token") {
    const token = await new SignJWT({
      customer_guid: url.searchParams.get("customer") ?? EXAMPLE_CUSTOMER,
    })
      .setProtectedHeader({ alg: "RS256", kid: "demo" })
      .setSubject("demo-user")
      .setIssuer(issuer)
      .setAudience("tokengate")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
    response.writeHead(200, { "content-type": "text/plain" }).end(token);
    return;
  }
  response.writeHead(404).end();
});
server.listen(port, "127.0.0.1", () =>
  console.log(`demo identity provider: ${issuer}jwks.json, app tokens at ${issuer}token`),
);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => server.close(() => process.exit(0)));
