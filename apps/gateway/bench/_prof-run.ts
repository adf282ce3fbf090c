import { spawn } from "node:child_process";
import { runLoad } from "./load.js";
import { AUTHORIZATION, MINT_BODY } from "./operation.js";
import { startUpstreamStub } from "./upstream-stub.js";

const stub = await startUpstreamStub();
const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir=/tmp/prof", "dist/main.js"], {
  env: {
    ...process.env,
    IDP_BASE_URL: stub.url,
    PORT: "4777",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  },
  stdio: "inherit",
});
await new Promise((r) => setTimeout(r, 1500));
const r = await runLoad({
  url: "http://127.0.0.1:4777",
  connections: 50,
  durationSeconds: 6,
  body: MINT_BODY,
  headers: { authorization: AUTHORIZATION },
});
console.log(r);
child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));
await stub.close();
