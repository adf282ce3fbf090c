import { EventEmitter } from "node:events";

/**
 * A request is sent only while at least this share of its call's time is
 * left (and never with less than `MIN_SEND_MS`, unless the whole call is
 * shorter): one sent later could not be answered in time, yet the upstream
 * would still mint for it, a token no one receives.
 */
export const MIN_SEND_SHARE = 0.25;
/** The most the share above asks for, so that a long timeout does not hold back mints that still have seconds. */
export const MAX_MIN_SEND_MS = 1_000;

/**
 * One call's deadline and cancellation. undici accepts any EventEmitter with
 * `aborted`/`reason` as a signal, and this costs a fraction of an
 * `AbortController` (an EventTarget), which showed up in client profiles.
 * `toAbortSignal()` gives a real `AbortSignal` for WHATWG `fetch`.
 */
export class Deadline extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;
  /** True when the time ran out (rather than the caller aborting). */
  timedOut = false;
  readonly expiresAt: number;
  private readonly timer: NodeJS.Timeout;
  private readonly onCallerAbort: (() => void) | undefined;
  private signal: AbortSignal | undefined;

  constructor(
    readonly timeoutMs: number,
    private readonly caller?: AbortSignal,
  ) {
    super();
    this.expiresAt = Date.now() + timeoutMs;
    this.timer = setTimeout(() => {
      if (!this.aborted) this.timedOut = true;
      this.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError"));
    }, timeoutMs);
    if (caller) {
      this.onCallerAbort = () => this.abort(caller.reason);
      if (caller.aborted) this.onCallerAbort();
      else caller.addEventListener("abort", this.onCallerAbort, { once: true });
    }
  }

  /** Milliseconds left before the deadline. */
  remainingMs(): number {
    return this.expiresAt - Date.now();
  }

  /** How much longer a request may still be sent (see `MIN_SEND_SHARE`); 0 or less: no longer. */
  sendableMs(): number {
    return this.remainingMs() - Math.min(MAX_MIN_SEND_MS, this.timeoutMs * MIN_SEND_SHARE);
  }

  /**
   * Throws, ending the call as timed out, when too little of its time is
   * left for a request sent now to be answered (`MIN_SEND_SHARE`); and the
   * abort reason when it has already ended.
   */
  ensureTimeToSend(): void {
    if (!this.aborted && this.sendableMs() <= 0) {
      clearTimeout(this.timer);
      this.timedOut = true;
      this.abort(
        new DOMException(
          `no answer could come within ${this.timeoutMs} ms; not sent`,
          "TimeoutError",
        ),
      );
    }
    if (this.aborted) throw this.reason;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit("abort");
  }

  /** Settles as `promise` does, or rejects with the abort reason if the deadline passes first. */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.aborted) return Promise.reject(this.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(this.reason);
      this.once("abort", onAbort);
      promise.then(
        (value) => {
          this.off("abort", onAbort);
          resolve(value);
        },
        (error: unknown) => {
          this.off("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  /** Waits `ms`, or less if the deadline passes or the caller aborts first. */
  sleep(ms: number): Promise<void> {
    if (this.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      // Whichever comes first ends the other, so no timer outlives the call.
      const done = () => {
        clearTimeout(timer);
        this.off("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.once("abort", done);
    });
  }

  /** Stops the timer and forgets the caller's signal; call when the call ends. */
  clear(): void {
    clearTimeout(this.timer);
    if (this.onCallerAbort) this.caller?.removeEventListener("abort", this.onCallerAbort);
  }

  /** The deadline as a WHATWG `AbortSignal` (one per deadline, made on first use). */
  toAbortSignal(): AbortSignal {
    if (this.signal) return this.signal;
    const controller = new AbortController();
    if (this.aborted) controller.abort(this.reason);
    else this.once("abort", () => controller.abort(this.reason));
    this.signal = controller.signal;
    return this.signal;
  }
}
