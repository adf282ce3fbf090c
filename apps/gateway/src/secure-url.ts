const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * An https URL, or http on this machine only (tests, `pnpm dev`, a local
 * mock): the upstream receives bank tokens and the JWKS decides who is
 * trusted, so neither may travel in clear text across a network.
 */
export function requireSecureUrl(
  text: string | undefined,
  name: string,
  problems: string[],
): string {
  if (!text) {
    problems.push(`${name} is required`);
    return "";
  }
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (url?.protocol === "https:" || (url?.protocol === "http:" && LOOPBACK.has(url.hostname)))
    return url.href;
  problems.push(
    `${name} must be an https URL (http only on loopback); got ${JSON.stringify(text)}`,
  );
  return "";
}
