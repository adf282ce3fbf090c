/**
 * How one setting's text becomes its value. Each parser says what it
 * accepts (`expects`, shown in the docs and in problems) and turns the text
 * into a value or a problem that names the setting. A parser for a secret
 * setting never quotes the text it was given.
 */
import { resolveBaseUrl } from "@tokengate/idp-client";
import type { Parsed } from "./parsed.js";
import { readSecretFile } from "./secret-file.js";

export type { Parsed };

export interface Parser<T> {
  /** What the setting accepts, in words: the docs' "value" column. */
  expects: string;
  parse(text: string, name: string): Parsed<T>;
}

const got = (text: string) => `; got ${JSON.stringify(text)}`;

/** Comma- or space-separated values. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Any text, as given. */
export const text: Parser<string> = {
  expects: "text",
  parse: (value) => ({ value }),
};

/** A whole number from `min` to `max`. */
export function integer(min: number, max: number): Parser<number> {
  const expects = `a whole number from ${min} to ${max}`;
  return {
    expects,
    parse(value, name) {
      const number = Number(value);
      if (/^\d+$/.test(value) && number >= min && number <= max) return { value: number };
      return { problem: `${name} must be ${expects}${got(value)}` };
    },
  };
}

/** One of a fixed set of words. */
export function oneOf<const T extends string>(choices: readonly T[]): Parser<T> {
  return {
    expects: `one of ${choices.join(", ")}`,
    parse(value, name) {
      if ((choices as readonly string[]).includes(value)) return { value: value as T };
      return { problem: `${name} must be one of ${choices.join(", ")}${got(value)}` };
    },
  };
}

/** A list whose every entry is in `allowed`; `refusal` words the problem with the others. */
export function listOf(
  allowed: readonly string[],
  expects: string,
  refusal: (unknown: string) => string,
): Parser<string[]> {
  const known = new Set(allowed);
  return {
    expects,
    parse(value, name) {
      const entries = splitList(value);
      const unknown = entries.filter((entry) => !known.has(entry));
      if (unknown.length === 0) return { value: entries };
      return { problem: `${name} ${refusal(unknown.join(", "))}` };
    },
  };
}

/** A list of any words. */
export const words: Parser<string[]> = {
  expects: "words, comma or space separated",
  parse: (value) => ({ value: splitList(value) }),
};

/** Exact browser origins (`https://app.example`), comma or space separated. */
export const origins: Parser<string[]> = {
  expects: "origins like https://app.example, comma or space separated",
  parse(value, name) {
    const entries = splitList(value);
    const bad = entries.filter((origin) => URL.parse(origin)?.origin !== origin);
    if (bad.length === 0) return { value: entries };
    const quoted = bad.map((origin) => JSON.stringify(origin)).join(", ");
    return { problem: `${name} must list origins like https://app.example; got ${quoted}` };
  },
};

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The problem with a URL that is neither https nor http on loopback, if any. */
function insecure(url: string, name: string): string | undefined {
  const parsed = URL.parse(url);
  if (parsed?.protocol === "https:") return undefined;
  if (parsed?.protocol === "http:" && LOOPBACK.has(parsed.hostname)) return undefined;
  return `${name} must be an https URL (http only on loopback)${got(url)}`;
}

/**
 * An https URL, or http on this machine only (tests, `pnpm dev`, a local
 * mock): the upstream receives bank tokens and the JWKS decides who is
 * trusted, so neither may travel in clear text across a network.
 */
export const secureUrl: Parser<string> = {
  expects: "an https URL (http on loopback only)",
  parse(value, name) {
    const problem = insecure(value, name);
    return problem ? { problem } : { value: new URL(value).href };
  },
};

/** `sandbox`, `production` or the upstream's URL (secure, as above); the resolved origin. */
export const upstreamUrl: Parser<string> = {
  expects: "sandbox, production, or an https URL (http on loopback only)",
  parse(value, name) {
    let resolved: string;
    try {
      resolved = resolveBaseUrl(value);
    } catch (error) {
      return { problem: `${name}: ${(error as Error).message}` };
    }
    const problem = insecure(resolved, name);
    return problem ? { problem } : { value: resolved };
  },
};

/** `redis://` or `rediss://` (TLS); the URL may hold a password, so a problem names only the setting. */
export const redisUrl: Parser<string> = {
  expects: "a redis:// or rediss:// URL",
  parse(value, name) {
    const url = URL.parse(value);
    if (url?.protocol === "redis:" || url?.protocol === "rediss:") {
      try {
        decodeURIComponent(url.password);
      } catch {
        return { problem: `${name}'s password must be URL-encoded (write a % as %25)` };
      }
      return { value: url.href };
    }
    return { problem: `${name} must be a redis:// or rediss:// URL` };
  },
};

/** A secret's file: a regular file, read without blocking, without the newlines that end it. */
export const fileContents: Parser<string> = {
  expects: "a path to a readable regular file",
  parse: readSecretFile,
};
