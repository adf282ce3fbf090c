/** Shorter values would scrub ordinary words; no real credential is this short. */
const SHORTEST_SECRET = 8;
const REDACTED = "[redacted]";

/**
 * The secrets in play right now (the client secret, the gateway's bank
 * tokens, each in-flight request's caller token and minted token), so that
 * the logger can scrub them by value from every line it writes, wherever an
 * upstream echoed them. Each `add` is paired with its release.
 */
export class SecretRegistry {
  private readonly counts = new Map<string, number>();

  /** Registers `secret` until the returned function is called. */
  add(secret: string | null | undefined): () => void {
    if (!secret || secret.length < SHORTEST_SECRET) return () => undefined;
    this.counts.set(secret, (this.counts.get(secret) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(secret) ?? 1) - 1;
      if (left > 0) this.counts.set(secret, left);
      else this.counts.delete(secret);
    };
  }

  /** `text` with every registered secret replaced by `[redacted]`. */
  scrub(text: string): string {
    let out = text;
    for (const secret of this.counts.keys()) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }
}
