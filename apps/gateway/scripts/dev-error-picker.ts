/**
 * `pnpm dev`'s way to the upstream's documented errors: a local server in
 * front of Prism that asks it for the status a mint's customer GUID ends in.
 * A GUID of 29 zeros and a status (`00000000000000000000000000000403`) gets
 * Prism's `Prefer: code=403` answer; any other GUID goes through unchanged.
 * The gateway never forwards a caller's headers upstream, so the choice
 * rides on the one thing a caller does send: the input.
 */
import { type FaultServer, forwardTo, startFaultServer } from "@tokengate/testkit";

/** The customer GUID that asks the dev upstream for `status`. */
export function guidForStatus(status: number): string {
  return String(status).padStart(32, "0");
}

function statusAskedFor(body: string): string | undefined {
  try {
    const guid = (JSON.parse(body) as { customer_guid?: unknown }).customer_guid;
    return typeof guid === "string" ? guid.match(/^0{29}([1-5]\d\d)$/)?.[1] : undefined;
  } catch {
    return undefined;
  }
}

export function startErrorPicker(prismUrl: string): Promise<FaultServer> {
  return startFaultServer((request, response, body) => {
    const status = statusAskedFor(body);
    return forwardTo(prismUrl, status ? { prefer: `code=${status}` } : {})(request, response, body);
  });
}
