import {
  type LimitedUpstream,
  type LimitedUpstreamOptions,
  type RedisServer,
  startLimitedUpstream,
  startRedis,
} from "@tokengate/testkit";
import { afterAll, afterEach, beforeAll } from "vitest";
import { brokerSettings } from "./broker-upstream.js";
import { newSigningKey, type SigningKey, startJwksServer } from "./caller-tokens.js";
import { type GatewayProcess, runGateway } from "./process.js";

/** Ready, and sharing through Redis: until it connects, a replica serves but budgets alone (`degraded`). */
export async function readyAndShared(replica: { url: string }): Promise<void> {
  const deadline = Date.now() + 10_000;
  const shared = async () => {
    const answer = await fetch(`${replica.url}/ready`);
    const body = (await answer.json()) as { degraded?: string };
    return answer.status === 200 && body.degraded === undefined;
  };
  while (!(await shared())) {
    if (Date.now() > deadline) throw new Error("the replica never became ready");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface LimitedReplicas {
  /** The key callers' tokens are signed with; its JWKS server lives as long as the file's tests. */
  readonly key: SigningKey;
  /** A limited upstream, stopped after the test. */
  upstream(options: LimitedUpstreamOptions): Promise<LimitedUpstream>;
  /** A Redis server, stopped after the test. */
  redis(): Promise<RedisServer>;
  /** Broker mode over `upstream`, trusting `key`, caller limits off; `env` adds or overrides. */
  brokerEnv(upstream: LimitedUpstream, env?: Record<string, string>): Record<string, string>;
  /** Two gateway processes with `env`, each ready and, with Redis, sharing through it. */
  twoReplicas(env: Record<string, string>): Promise<[GatewayProcess, GatewayProcess]>;
}

/**
 * What the budget and reuse tests stand on: a caller signing key and its
 * JWKS server for the calling file, and per test a limited upstream, Redis
 * and two broker replicas, all stopped after each test.
 */
export function useLimitedReplicas(): LimitedReplicas {
  const closers: (() => Promise<unknown>)[] = [];
  let key: SigningKey | undefined;
  let jwks: Awaited<ReturnType<typeof startJwksServer>> | undefined;
  beforeAll(async () => {
    key = await newSigningKey("key-1");
    jwks = await startJwksServer([key]);
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  afterAll(() => jwks?.close());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useLimitedReplicas: used outside a test");
    return value;
  };
  return {
    get key() {
      return started(key);
    },
    async upstream(options) {
      const upstream = await startLimitedUpstream(options);
      closers.push(() => upstream.close());
      return upstream;
    },
    async redis() {
      const redis = await startRedis();
      closers.push(() => redis.stop());
      return redis;
    },
    brokerEnv(upstream, env = {}) {
      return {
        ...brokerSettings(upstream.url, `${started(jwks).url}/jwks.json`),
        RATE_LIMIT_MINTS_PER_MINUTE: "0",
        ...env,
      };
    },
    async twoReplicas(env) {
      const replicas = await Promise.all([runGateway(env).ready, runGateway(env).ready]);
      for (const replica of replicas) await readyAndShared(replica);
      return replicas as [GatewayProcess, GatewayProcess];
    },
  };
}
