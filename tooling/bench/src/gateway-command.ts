import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);

export interface GatewayCommand {
  /** The gateway package's folder, where its start command runs. */
  cwd: string;
  /** The start command's arguments after `node`: the gateway's V8 flags, then its built entry. */
  args: string[];
}

/**
 * How the gateway is deployed, read from its package: the `start` script
 * (`node <V8 flags> dist/main.js`), which the deploy folder keeps and its
 * image runs. The bench runs that command with this machine's node, so it
 * measures what ships rather than a copy of its flags. `manifest` is the
 * package's package.json: by default this workspace's, or another checkout's
 * (`--baseline`).
 */
export function gatewayCommand(
  manifest = require.resolve("@tokengate/gateway/package.json"),
): GatewayCommand {
  const { scripts } = JSON.parse(readFileSync(manifest, "utf8")) as {
    scripts: { start?: string };
  };
  const [command, ...args] = (scripts.start ?? "").split(/\s+/);
  if (command !== "node" || args.length === 0) {
    throw new Error(`@tokengate/gateway's start script is not "node …": ${scripts.start}`);
  }
  return { cwd: dirname(manifest), args };
}
