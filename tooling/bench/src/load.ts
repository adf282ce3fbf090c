import autocannon from "autocannon";
import { AUTHORIZATION, MINT_BODY } from "./operation.js";

export interface LoadOptions {
  url: string;
  connections: number;
  /** Total requests (bounded), or… */
  amount?: number;
  /** …seconds to run. */
  durationSeconds?: number;
  /** The `Authorization` header; default the bench's bank token (passthrough mode). */
  authorization?: string;
  /** Checks each response body; returns false for a wrong one. */
  check?: (status: number, body: string) => boolean;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  wrong: number;
}

/** Loopback load with autocannon, bounded by count or time: the one mint operation, the one bank token. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let wrong = 0;
  const result = await autocannon({
    url: `${options.url}/graphql`,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds }),
    timeout: 20,
    requests: [
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: options.authorization ?? AUTHORIZATION,
        },
        body: MINT_BODY,
        ...(options.check
          ? {
              onResponse: (status: number, body: string) => {
                if (!options.check?.(status, body)) wrong += 1;
              },
            }
          : {}),
      },
    ],
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    wrong,
  };
}
