// `pnpm test` runs this first: it refuses to start the suites when a tool a
// test needs is missing, naming what to install, so no test fails late or
// skips for want of it.
import { installAdvice, missingTools, nodeLineNote } from "./requirements.mjs";

const note = nodeLineNote();
if (note) console.warn(`warning: ${note}`);

const missing = missingTools();
if (missing.length > 0) {
  console.error(
    `${installAdvice(missing)}\n(The set-up command does this for you where apt and root are at hand: npm run setup)`,
  );
  process.exit(1);
}
