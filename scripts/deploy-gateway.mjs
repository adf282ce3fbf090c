// `pnpm deploy:gateway <dir> [--with-tracing] [--built]`: builds the gateway and writes
// a self-contained folder that runs it with `node dist/main.js`, holding only
// what production loads: the gateway's built JavaScript (its `files`), its
// production dependencies, and @tokengate/idp-client copied in (injected), so
// the folder can be moved or copied into an image. GraphiQL is a development
// dependency and never included; the OpenTelemetry SDK is an optional one,
// included only with --with-tracing. --built skips the build, for a caller
// that has just built it (the deploy test, which turbo runs after the build).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const flags = new Set(["--with-tracing", "--built"]);
const withTracing = args.includes("--with-tracing");
const built = args.includes("--built");
const [target, ...rest] = args.filter((arg) => !flags.has(arg));

if (!target || rest.length > 0) {
  console.error("usage: pnpm deploy:gateway <dir> [--with-tracing] [--built]");
  process.exit(2);
}
const dir = resolve(process.env.INIT_CWD ?? process.cwd(), target);
if (existsSync(dir) && readdirSync(dir).length > 0) {
  console.error(`deploy:gateway: ${dir} is not empty; give a new or empty folder`);
  process.exit(2);
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!built)
  run("pnpm", [
    "exec",
    "turbo",
    "run",
    "build",
    "--filter=@tokengate/gateway",
    "--output-logs=errors-only",
  ]);
run("pnpm", [
  "--filter=@tokengate/gateway",
  "deploy",
  "--prod",
  // pnpm 10's deploy copies workspace dependencies only when they are injected.
  "--config.inject-workspace-packages=true",
  ...(withTracing ? [] : ["--no-optional"]),
  dir,
]);
const { scripts } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
// node itself, not a package manager, so that SIGTERM reaches the gateway.
console.log(`\nDeployed to ${dir}. Start it there with: ${scripts.start}`);
