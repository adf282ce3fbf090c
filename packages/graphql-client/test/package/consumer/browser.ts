/** A browser project (DOM lib, no Node types) type-checks against the same declarations. */
import { createGatewayClient } from "@tokengate/graphql-client";

const gateway = createGatewayClient({
  url: new URL("/graphql", window.location.href),
  getToken: () => window.sessionStorage.getItem("appToken"),
});
const controller = new AbortController();
const { data, error } = await gateway.createCustomerToken(
  { customerGuid: "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4", scopes: ["CUSTOMERS_READ"] },
  { signal: controller.signal },
);
document.title = error ? `${error.code}: ${error.message}` : (data.expiresAt ?? "no expiry");
