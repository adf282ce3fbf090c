import type { Deadline } from "../deadline.js";

/**
 * At most `size` requests handed to the pool at once, the rest waiting here
 * in order. The pool has exactly as many sockets, so a request leaves this
 * queue only when a socket is free for it: the moment to decide whether
 * it is still worth sending (`Deadline.ensureTimeToSend`). undici's own
 * queue would send it whenever a socket frees, its last milliseconds too.
 */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  /** Resolves once a slot is the caller's; rejects with the deadline's reason if it ends first. */
  acquire(deadline: Deadline): Promise<void> {
    if (deadline.aborted) return Promise.reject(deadline.reason);
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const granted = () => {
        deadline.off("abort", gaveUp);
        resolve();
      };
      const gaveUp = () => {
        this.waiting.splice(this.waiting.indexOf(granted), 1);
        reject(deadline.reason);
      };
      this.waiting.push(granted);
      deadline.once("abort", gaveUp);
    });
  }

  /** Hands the slot to the next waiting request, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}
