/** The one operation every target serves, with the same bank token. */
export const AUTHORIZATION = "Bearer bench-bank-token";
export const CUSTOMER_GUID = "7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4";
/** The scopes MINT_BODY asks for, as GraphQL enum names. */
export const MINT_SCOPES = ["CUSTOMERS_READ", "ACCOUNTS_READ"];
export const MINT_BODY = JSON.stringify({
  query:
    "mutation Mint($input: CreateCustomerTokenInput!) { createCustomerToken(input: $input) { accessToken } }",
  variables: {
    input: { customerGuid: CUSTOMER_GUID, scopes: MINT_SCOPES },
  },
});

/** The token a target returned, or null. */
export function tokenOf(body: string): string | null {
  try {
    return JSON.parse(body)?.data?.createCustomerToken?.accessToken ?? null;
  } catch {
    return null;
  }
}

/** The code of the first error, or null. */
export function errorCodeOf(body: string): string | null {
  try {
    return JSON.parse(body)?.errors?.[0]?.extensions?.code ?? null;
  } catch {
    return null;
  }
}

/** One POST of `body` to a target's GraphQL endpoint, with the bank token (or `authorization`); the answer's status and text. */
export async function postGraphQL(
  baseUrl: string,
  body: string,
  authorization = AUTHORIZATION,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body,
  });
  return { status: response.status, text: await response.text() };
}
