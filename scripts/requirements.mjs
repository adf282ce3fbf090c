// What the tests need from the machine beyond Node and the workspace's own
// dependencies, and where each comes from on Debian. The set-up command
// installs these; the test command checks them first, so a missing tool is
// one clear message instead of a suite that fails (or skips) halfway.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

/** One program a test runs, and the Debian package that provides it. */
export const SYSTEM_TOOLS = [
  {
    name: "redis-server",
    usedBy: "the rate-limit, replica and testkit Redis tests",
    debian: "redis-server",
    present: () => onPath("redis-server"),
  },
  {
    name: "promtool",
    usedBy: "the metrics test (promtool check metrics)",
    debian: "prometheus",
    present: () => onPath("promtool"),
  },
  // Debian's Chromium at a fixed path: playwright-core never downloads a browser.
  {
    name: "/usr/bin/chromium",
    usedBy: "the browser tests",
    debian: "chromium",
    present: () => existsSync("/usr/bin/chromium"),
  },
];

function onPath(command) {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
  return found.status === 0;
}

const rootPackage = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
);

/** The pnpm version the workspace pins in `packageManager`. */
export const PNPM_VERSION = rootPackage.packageManager.split("@")[1];

/** The Node majors the workspace declares in `engines.node` (`^22.12.0 || ^24.11.0`). */
export const SUPPORTED_NODE_MAJORS = [...rootPackage.engines.node.matchAll(/\^(\d+)\./g)].map(
  (match) => Number(match[1]),
);

export function missingTools() {
  return SYSTEM_TOOLS.filter((tool) => !tool.present());
}

/** The one line that installs what is missing, for a person to run. */
export function installAdvice(missing) {
  const packages = [...new Set(missing.map((tool) => tool.debian))].join(" ");
  const lines = missing.map((tool) => `  - ${tool.name} (${tool.usedBy})`);
  return [
    "Missing system tools the tests run:",
    ...lines,
    `On Debian or Ubuntu, as root: apt-get install -y ${packages}`,
    "Elsewhere, install the same programs (Chromium at /usr/bin/chromium) and run the set-up command again.",
  ].join("\n");
}

export function nodeLineNote() {
  const major = Number(process.versions.node.split(".")[0]);
  if (SUPPORTED_NODE_MAJORS.includes(major)) return null;
  return `Node ${process.versions.node} is not a supported line (supported: ${SUPPORTED_NODE_MAJORS.join(", ")}; see .nvmrc). It may work, but nothing is tested on it.`;
}
