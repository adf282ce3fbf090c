import { SERVER_URLS } from "./generated/contract.js";
import type { ServerAlias } from "./types.js";

function isServerAlias(value: string): value is ServerAlias {
  return Object.hasOwn(SERVER_URLS, value);
}

/**
 * `"sandbox"` and `"production"` name the spec's servers; anything else must
 * be an absolute http(s) URL (a mock, a proxy). Throws a `TypeError` naming
 * the option otherwise, since a client without a target cannot work.
 */
export function resolveBaseUrl(baseUrl: string | URL): string {
  const text = String(baseUrl);
  if (isServerAlias(text)) return SERVER_URLS[text];
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(
      `baseUrl must be ${Object.keys(SERVER_URLS)
        .map((alias) => `"${alias}"`)
        .join(", ")} or an http(s) URL; got ${JSON.stringify(text)}`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`baseUrl must use http or https; got ${JSON.stringify(url.protocol)}`);
  }
  // Credentials or a query in the base URL would be dropped by some paths and logged by others.
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError("baseUrl must not carry credentials, a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}
