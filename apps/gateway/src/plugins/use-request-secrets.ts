import type { Plugin } from "graphql-yoga";
import type { SecretRegistry } from "../secrets.js";

/** A request's secrets: registered for log scrubbing until its answer is written. */
export interface RequestSecrets {
  add(secret: string | null | undefined): void;
}

/**
 * Scopes secret registrations to one request: `secretsOf(request)` adds to
 * the registry, and the request's response hook (which runs for every
 * answer yoga produces, a caller that hung up included) releases them all.
 */
export function useRequestSecrets(registry: SecretRegistry): {
  plugin: Plugin;
  secretsOf(request: Request): RequestSecrets;
} {
  const releases = new WeakMap<Request, (() => void)[]>();
  const release = (request: Request) => {
    for (const done of releases.get(request) ?? []) done();
    releases.delete(request);
  };
  return {
    plugin: {
      onResponse({ request }) {
        release(request);
      },
    },
    secretsOf(request) {
      return {
        add(secret) {
          let list = releases.get(request);
          if (!list) {
            list = [];
            releases.set(request, list);
          }
          list.push(registry.add(secret));
        },
      };
    },
  };
}
