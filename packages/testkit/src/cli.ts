/**
 * `node dist/cli.js [--port N]`: serves the Prism mock of tokengate's spec
 * for `pnpm dev`, until Ctrl-C or SIGTERM.
 */
import { parseArgs } from "node:util";
import { startPrism } from "./prism.js";

const { values } = parseArgs({ options: { port: { type: "string", default: "4010" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`--port must be a port number; got ${values.port}`);
  process.exit(1);
}
const mock = await startPrism({ port, onLog: (line) => console.log(line) });
console.log(`Prism mock of spec/openapi.yaml serving at ${mock.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void mock.stop().then(() => process.exit(0));
  });
}
