/**
 * A `Retry-After` header (RFC 9110: delta-seconds or an HTTP date) as whole
 * seconds from `now`, at least 1; `null` when absent or unreadable.
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.max(1, Number(text));
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(1, Math.ceil((date - now) / 1_000));
}
