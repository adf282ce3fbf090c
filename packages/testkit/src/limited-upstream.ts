import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A customer token shaped like the upstream's: a JWT (unsigned here) naming its customer and scopes, with `exp`. */
export function customerTokenFor(
  customerGuid: string,
  scopes: readonly string[],
  serial: number,
  lifetimeSeconds: number,
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1_000);
  return [
    part({ alg: "RS256", typ: "JWT" }),
    part({
      sub: customerGuid,
      scope: scopes.join(" "),
      iat: now,
      exp: now + lifetimeSeconds,
      jti: `t${serial}`,
    }),
    "c3R1Yg",
  ].join(".");
}

export interface LimitedUpstreamOptions {
  /** Requests per client IP per window on `/api/customer_tokens`; beyond it, 429. */
  mintLimit: number;
  /** Requests per client IP per window on `/oauth/token`; beyond it, 429. */
  tokenLimit: number;
  windowSeconds: number;
  /** Lifetime of minted customer tokens. Default 1 800 s (production's 30 minutes). */
  tokenLifetimeSeconds?: number;
  /** Lifetime of bank tokens. Default 3 600 s. */
  bankTokenLifetimeSeconds?: number;
  /** Time before each mint is answered. Default 0. */
  mintDelayMs?: number;
}

/** One request the stub received, and what it answered. */
export interface Received {
  at: number;
  url: string;
  status: number;
  customerGuid?: string;
}

export interface LimitedUpstream {
  url: string;
  received: Received[];
  /** Requests to `path` answered with `status` (any status when omitted). */
  count(path: "/api/customer_tokens" | "/oauth/token", status?: number): number;
  /** The next `count` requests to `path` are answered 429 with this Retry-After (none when `null`). */
  refuseNext(
    path: "/api/customer_tokens" | "/oauth/token",
    count: number,
    retryAfter: string | null,
  ): void;
  /** From now on, mints are answered 401 (the bank token is refused), or normally again. */
  refuseBankTokens(refuse: boolean): void;
  close(): Promise<void>;
}

/**
 * A real local upstream that enforces the published kind of limit at a
 * scaled size: fixed windows per client IP, counted per endpoint, 429 with
 * `Retry-After` (the seconds until the window ends) beyond it. Mints answer
 * JWT-shaped tokens with a real `exp`.
 */
export async function startLimitedUpstream(
  options: LimitedUpstreamOptions,
): Promise<LimitedUpstream> {
  const received: Received[] = [];
  const started = Date.now();
  const windowMs = options.windowSeconds * 1_000;
  const counts = new Map<string, number>();
  const forced = new Map<string, { left: number; retryAfter: string | null }>();
  let refuseBank = false;
  let serial = 0;

  function overLimit(path: string, ip: string, limit: number): number | null {
    const window = Math.floor((Date.now() - started) / windowMs);
    const key = `${path} ${ip} ${window}`;
    const used = (counts.get(key) ?? 0) + 1;
    counts.set(key, used);
    if (used <= limit) return null;
    const endsAt = started + (window + 1) * windowMs;
    return Math.max(1, Math.ceil((endsAt - Date.now()) / 1_000));
  }

  function send(response: ServerResponse, status: number, body: unknown, headers = {}) {
    const text = JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(text);
  }

  async function answer(request: IncomingMessage, response: ServerResponse, body: string) {
    const path = String(request.url);
    // What it received, for a run that keeps the stub in a process of its own.
    if (path === "/__received") return send(response, 200, received);
    const ip = request.socket.remoteAddress ?? "";
    const record = (status: number, customerGuid?: string) =>
      received.push({ at: Date.now(), url: path, status, ...(customerGuid && { customerGuid }) });
    const force = forced.get(path);
    const limit = path === "/oauth/token" ? options.tokenLimit : options.mintLimit;
    const wait = overLimit(path, ip, limit);
    if ((force && force.left > 0) || wait !== null) {
      let retryAfter = wait === null ? null : String(wait);
      if (force && force.left > 0) {
        force.left -= 1;
        retryAfter = force.retryAfter;
      }
      record(429);
      return send(
        response,
        429,
        path === "/oauth/token"
          ? { error: "rate_limited" }
          : { status: 429, error_message: "Too many requests", message_code: "rate_limited" },
        retryAfter === null ? {} : { "retry-after": retryAfter },
      );
    }
    if (path === "/oauth/token") {
      record(200);
      return send(response, 200, {
        access_token: `bank-token-${++serial}-limited-upstream`,
        token_type: "Bearer",
        expires_in: options.bankTokenLifetimeSeconds ?? 3_600,
      });
    }
    const { customer_guid: guid, scopes } = JSON.parse(body) as {
      customer_guid: string;
      scopes: string[];
    };
    if (refuseBank) {
      record(401, guid);
      return send(response, 401, {
        status: 401,
        error_message: "Signature has expired",
        message_code: "authentication_failed",
      });
    }
    if (options.mintDelayMs)
      await new Promise((resolve) => setTimeout(resolve, options.mintDelayMs));
    record(201, guid);
    send(response, 201, {
      access_token: customerTokenFor(guid, scopes, ++serial, options.tokenLifetimeSeconds ?? 1_800),
    });
  }

  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => void answer(request, response, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    count: (path, status) =>
      received.filter((r) => r.url === path && (status === undefined || r.status === status))
        .length,
    refuseNext: (path, count, retryAfter) => forced.set(path, { left: count, retryAfter }),
    refuseBankTokens: (refuse) => {
      refuseBank = refuse;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
