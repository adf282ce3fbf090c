import { LIMITS } from "../config/limits.js";

/** Shorter values would scrub ordinary words, so they cannot be registered (see `LIMITS`). */
const SHORTEST_SECRET = LIMITS.SHORTEST_SECRET.value;
const REDACTED = "[redacted]";
/** How deep `scrubValue` walks a logged object; deeper values are dropped. */
const MAX_DEPTH = 8;

/**
 * `bytes` base64-encoded as they read inside a longer base64 text, whatever
 * their offset there: the characters that depend on the secret alone, for
 * each of the three alignments (a secret inside `Basic base64(id:secret)`).
 */
function base64Alignments(bytes: Buffer): string[] {
  return [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    // Characters that mix the shift's zero bytes in, and the last group's padding, are dropped.
    const start = [0, 2, 3][shift];
    const end = Math.floor((shift + bytes.length) / 3) * 4;
    return encoded.slice(start, end);
  });
}

/**
 * Every form in which `secret` may reach a log value: as is, JSON-escaped,
 * URL- and form-encoded, base64 and base64url at any alignment. Forms
 * shorter than `SHORTEST_SECRET` are left out.
 */
export function encodedForms(secret: string): string[] {
  const forms = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]);
  for (const base64 of base64Alignments(Buffer.from(secret, "utf8"))) {
    forms.add(base64);
    forms.add(base64.replaceAll("+", "-").replaceAll("/", "_"));
  }
  return [...forms].filter((form) => form.length >= SHORTEST_SECRET);
}

/**
 * A set of secrets (the client secret, the gateway's bank tokens; or one
 * request's caller token and minted token), so that the logger can scrub
 * them by value, in every encoded form, from each logged value before the
 * line is serialized. Each `add` is paired with its release.
 */
export class SecretRegistry {
  private readonly counts = new Map<string, number>();
  /** Each secret's encoded forms, computed when a line is first scrubbed (most requests log nothing). */
  private forms: string[] | undefined;

  /** Registers `secret` until the returned function is called; shorter than `SHORTEST_SECRET`, nothing. */
  add(secret: string | null | undefined): () => void {
    if (!secret || secret.length < SHORTEST_SECRET) return () => undefined;
    this.counts.set(secret, (this.counts.get(secret) ?? 0) + 1);
    this.forms = undefined;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(secret) ?? 1) - 1;
      if (left > 0) this.counts.set(secret, left);
      else this.counts.delete(secret);
      this.forms = undefined;
    };
  }

  /** No secret is registered. */
  get empty(): boolean {
    return this.counts.size === 0;
  }

  /** `text` with every registered secret, in each encoded form, replaced by `[redacted]`. */
  scrub(text: string): string {
    if (this.counts.size === 0) return text;
    // Longest first, so a form that contains another is replaced whole.
    this.forms ??= [...this.counts.keys()]
      .flatMap(encodedForms)
      .sort((a, b) => b.length - a.length);
    let out = text;
    for (const form of this.forms) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
    return out;
  }

  /**
   * A copy of a value about to be logged with every string in it scrubbed:
   * before serialization, so that escaping cannot hide a secret and a
   * secret cannot break the line's JSON. An error is copied as an object of
   * its class (`message`, `stack`, its own fields, `cause`).
   */
  scrubValue(value: unknown, depth = 0): unknown {
    if (typeof value === "string") return this.scrub(value);
    if (value === null || typeof value !== "object") return value;
    if (depth >= MAX_DEPTH) return "[too deep]";
    const next = (inner: unknown) => this.scrubValue(inner, depth + 1);
    if (Array.isArray(value)) return value.map(next);
    if (value instanceof Error) {
      // A copy of the same class, so that pino prints its type as it would the original's.
      const copy: Error = Object.create(Object.getPrototypeOf(value));
      for (const [name, inner] of Object.entries(value)) {
        Object.defineProperty(copy, name, { value: next(inner), enumerable: true, writable: true });
      }
      copy.message = this.scrub(value.message);
      if (value.stack !== undefined) copy.stack = this.scrub(value.stack);
      if (value.cause !== undefined) copy.cause = next(value.cause);
      return copy;
    }
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return next(toJSON.call(value));
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, next(inner)]));
  }
}
