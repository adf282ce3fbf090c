import { GraphQLError } from "graphql";
import type { YogaLogger } from "graphql-yoga";
import type { Logger } from "pino";

/** Yoga logs through pino, so its lines get the same redaction. */
export function yogaLogger(logger: Logger): YogaLogger {
  // yoga logs an error it masks, and again when that error escaped execution.
  const logged = new WeakSet<object>();
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      const detail = rest.length ? rest.map(String) : undefined;
      if (first instanceof Error) {
        // yoga logs each error it masks: keep the thrown error, stack and all.
        const err = first instanceof GraphQLError ? (first.originalError ?? first) : first;
        if (logged.has(err)) return;
        logged.add(err);
        logger[level]({ source: "yoga", err, detail }, "unexpected error, masked for the caller");
      } else logger[level]({ source: "yoga", detail }, String(first));
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
