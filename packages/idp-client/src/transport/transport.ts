import type { Deadline } from "../deadline.js";

/** One request as the client sends it. */
export interface OutgoingRequest {
  method: string;
  /** Path and query, from the upstream's origin: `/api/customer_tokens`. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string | undefined;
}

/**
 * An answer: the upstream sent a status line. Resolved only once its body
 * has been read in full.
 */
export interface Answer {
  status: number;
  /** Lower-case names; a header sent more than once is an array. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * How the client reaches the upstream. Every implementation keeps the same
 * rules, so a call ends the same whichever one carries it:
 * - a redirect is an answer like any other: never followed;
 * - a body over `maxResponseBytes`, declared or streamed, rejects with
 *   `ResponseTooLargeError`;
 * - a failure with no answer rejects with `NoAnswerError` (the only failure
 *   worth a retry), one after the answer began with `BrokenAnswerError`;
 * - the deadline ends the call (it rejects with the deadline's reason);
 * - anything else is passed on as thrown, and is the client's `internal` error.
 */
export interface Transport {
  send(request: OutgoingRequest, deadline: Deadline): Promise<Answer>;
  close(): Promise<void>;
}

/** A header of an answer, repeated values joined as `Headers.get` joins them. */
export function headerOf(answer: Answer, name: string): string | null {
  const value = answer.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}
