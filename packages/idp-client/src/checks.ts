import type { REQUEST_CHECKS } from "./generated/contract.js";
import { ipAllowlistEntryProblem } from "./ip-allowlist.js";

/** Checks a string that already satisfies its schema; returns why it is still refused, if it is. */
export type Check = (value: string) => string | undefined;

/**
 * The named checks a schema may ask for with `x-tokengate-check`; the
 * precompiled validators call them by name. Every name the spec uses must be
 * here (`pnpm typecheck` fails otherwise).
 */
export const CHECKS: Record<(typeof REQUEST_CHECKS)[number], Check> & Record<string, Check> = {
  "public-ipv4": ipAllowlistEntryProblem,
};
