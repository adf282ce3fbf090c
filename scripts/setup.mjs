// `npm run setup`: from a fresh clone on a machine with only Node and npm to
// one where `pnpm test` passes. Installs the Debian packages the tests run
// where apt-get and root are at hand (otherwise names them and stops), pnpm
// at the pinned version when it is missing, then the workspace.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { installAdvice, missingTools, nodeLineNote, PNPM_VERSION } from "./requirements.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

function run(command, args) {
  console.log(`$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root });
  return result.status === 0;
}

function output(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", cwd: root });
  return result.status === 0 ? result.stdout.trim() : null;
}

function fail(message) {
  console.error(`\nset-up stopped: ${message}`);
  process.exit(1);
}

const note = nodeLineNote();
if (note) console.warn(`warning: ${note}`);

// Without apt and root the workspace is still installed (pnpm dev needs none
// of these tools), and the set-up ends naming what the tests still need.
let advice = null;
let missing = missingTools();
if (missing.length > 0) {
  const canApt = process.getuid?.() === 0 && output("sh", ["-c", "command -v apt-get"]) !== null;
  if (canApt) {
    const packages = [...new Set(missing.map((tool) => tool.debian))];
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const apt = (args) =>
      spawnSync("apt-get", args, { stdio: "inherit", env }).status === 0 ||
      fail(`apt-get ${args.join(" ")} failed`);
    console.log(`Installing Debian packages the tests run: ${packages.join(" ")}`);
    apt(["update", "-qq"]);
    apt(["install", "-y", "-qq", ...packages]);
    missing = missingTools();
  }
  if (missing.length > 0) advice = installAdvice(missing);
}

if (output("pnpm", ["--version"]) !== PNPM_VERSION) {
  // corepack cannot verify signatures on some machines; npm can install pnpm.
  if (!run("npm", ["install", "-g", `pnpm@${PNPM_VERSION}`])) {
    fail(
      `could not install pnpm ${PNPM_VERSION} globally. Install it yourself (npm install -g pnpm@${PNPM_VERSION}, with write access to npm's global prefix, or corepack enable) and run the set-up command again.`,
    );
  }
}

if (!run("pnpm", ["install", "--frozen-lockfile"])) fail("pnpm install failed");
if (advice)
  fail(`the workspace is installed (pnpm dev works), but the tests need more.\n${advice}`);
console.log("\nReady. Run every test with: pnpm test   Start the gateway on a mock with: pnpm dev");
