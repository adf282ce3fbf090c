import { Writable } from "node:stream";

/** A pino destination that keeps every line written to it. */
export function captureLogs(): { sink: Writable; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { sink, lines };
}
