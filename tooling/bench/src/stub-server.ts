/** Runs the upstream stub as its own process (prints its URL), so a client measured in another process pays none of its CPU. */
import { startUpstreamStub } from "./upstream-stub.js";

const stub = await startUpstreamStub();
console.log(stub.url);
process.on("SIGTERM", () => void stub.close().then(() => process.exit(0)));
