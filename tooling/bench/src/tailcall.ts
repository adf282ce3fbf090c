import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { scopeWireValues } from "./scopes.js";
import { startTarget, type Target } from "./targets.js";

/** The exact Tailcall build the bench runs: 1.6.x needs glibc 2.38, 1.0.0 runs on Debian 12's 2.36. */
const PACKAGE = "@tailcallhq/core-linux-x64-gnu";
const require = createRequire(import.meta.url);

/** The Tailcall binary from the bench's optional dependency, or why there is none. */
function tailcallBinary(): { path: string } | { missing: string } {
  let manifest: string;
  try {
    manifest = require.resolve(`${PACKAGE}/package.json`);
  } catch {
    return {
      missing: `${PACKAGE} is not installed (an optional dependency, for Linux x64 with glibc only)`,
    };
  }
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: { tailcall: string } };
  return { path: join(dirname(manifest), bin.tailcall) };
}

/**
 * The request hook (Tailcall's documented JavaScript `onRequest`): GraphQL
 * hands Tailcall enum names, the upstream wants wire values, and Tailcall's
 * configuration has no declarative map from one to the other.
 */
function hookScript(wireValues: Record<string, string>): string {
  return `var WIRE_VALUES = ${JSON.stringify(wireValues)};
function toWireScopes({ request }) {
  var body = JSON.parse(request.body);
  body.scopes = body.scopes.map(function (name) { return WIRE_VALUES[name]; });
  request.body = JSON.stringify(body);
  return { request };
}
`;
}

/**
 * The same createCustomerToken mutation as the gateway's, in Tailcall's
 * GraphQL configuration: one worker thread (its default is one per core),
 * the caller's Authorization forwarded, the input mapped to the wire body,
 * the answer's access_token selected as accessToken, health on /health.
 */
function config(upstreamUrl: string, port: number, wireValues: Record<string, string>): string {
  return `schema
  @server(port: ${port}, hostname: "127.0.0.1", workers: 1, routes: { status: "/health" })
  @upstream(allowedHeaders: ["authorization"])
  @link(type: Script, src: "to-wire-scopes.js") {
  query: Query
  mutation: Mutation
}

enum CustomerTokenScope {
${Object.keys(wireValues)
  .map((name) => `  ${name}`)
  .join("\n")}
}

input CreateCustomerTokenInput {
  customerGuid: String!
  scopes: [CustomerTokenScope!]!
}

type CustomerToken {
  accessToken: String!
}

type Query {
  health: String @expr(body: "ok")
}

type Mutation {
  createCustomerToken(input: CreateCustomerTokenInput!): CustomerToken!
    @http(
      method: POST
      url: ${JSON.stringify(`${upstreamUrl}/api/customer_tokens`)}
      body: ${JSON.stringify('{"customer_guid":"{{.args.input.customerGuid}}","scopes":{{.args.input.scopes}}}')}
      onRequest: "toWireScopes"
      select: { accessToken: "{{.access_token}}" }
    )
}
`;
}

/**
 * Tailcall as a peer, configured in a scratch folder and run with its
 * telemetry off (`TAILCALL_TRACKER=false`). Resolves with the target, or
 * with why it cannot run here (not installed, or the binary fails to
 * start), so the bench can skip its row and go on.
 */
export async function startTailcall(
  upstreamUrl: string,
  port: number,
): Promise<{ target: Target } | { skipped: string }> {
  const binary = tailcallBinary();
  if ("missing" in binary) return { skipped: binary.missing };
  const wireValues = scopeWireValues();
  const folder = mkdtempSync(join(tmpdir(), "tokengate-bench-tailcall-"));
  writeFileSync(join(folder, "to-wire-scopes.js"), hookScript(wireValues));
  writeFileSync(join(folder, "tailcall.graphql"), config(upstreamUrl, port, wireValues));
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  try {
    const target = await startTarget(
      "Tailcall",
      {
        program: binary.path,
        args: ["start", "tailcall.graphql"],
        cwd: folder,
        env: { TAILCALL_TRACKER: "false", TAILCALL_LOG_LEVEL: "warn" },
      },
      port,
    );
    return {
      target: {
        ...target,
        stop: async () => {
          const code = await target.stop();
          removeFolder();
          return code;
        },
      },
    };
  } catch (error) {
    removeFolder();
    return { skipped: (error as Error).message };
  }
}
