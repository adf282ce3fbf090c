/**
 * `pnpm --filter @tokengate/bench flood [--connections 5000]`: the built
 * gateway as deployed, flooded from loopback by unauthenticated clients that
 * each send headers and part of a 64 KB body, then stall. Prints resident
 * memory before, at the peak and after the clients leave, how many
 * connections the gateway accepted, and whether it still mints. Bounded in
 * count and time; ends only the processes it started.
 */
import { connect, type Socket } from "node:net";
import { parseArgs } from "node:util";
import { freePort } from "@tokengate/testkit";
import { MINT_BODY, postGraphQL, tokenOf } from "./operation.js";
import { memoryMb } from "./process-stats.js";
import { startGateway } from "./targets.js";
import { STUB_TOKEN, startUpstreamStub } from "./upstream-stub.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "5000" },
    hold: { type: "string", default: "20" },
  },
});
const count = Number(values.connections);
const holdSeconds = Number(values.hold);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const stub = await startUpstreamStub();
const gateway = await startGateway(stub.url, await freePort("127.0.0.1"));
const { hostname, port } = new URL(gateway.url);
await sleep(500);
const baseline = memoryMb(gateway.pid).rss;

const partial = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 65536\r\n\r\n${"x".repeat(64_000)}`;
const sockets: Socket[] = [];
let accepted = 0;
let cut = 0;
for (let i = 0; i < count; i += 1) {
  const socket = connect(Number(port), hostname);
  socket.on("error", () => undefined);
  socket.once("connect", () => {
    accepted += 1;
    socket.write(partial);
  });
  socket.once("close", () => {
    cut += 1;
  });
  sockets.push(socket);
  if (i % 200 === 199) await sleep(20);
}
let peak = 0;
const deadline = Date.now() + holdSeconds * 1_000;
while (Date.now() < deadline && cut < count) {
  peak = Math.max(peak, memoryMb(gateway.pid).rss);
  await sleep(250);
}
const cutBeforeLeaving = cut;
for (const socket of sockets) socket.destroy();
await sleep(5_000);
const after = memoryMb(gateway.pid).rss;
const minted = tokenOf((await postGraphQL(gateway.url, MINT_BODY)).text) === STUB_TOKEN;
await gateway.stop();
await stub.close();

console.log(
  `connection flood: ${count} clients × 64 KB partial bodies, held up to ${holdSeconds} s`,
);
console.log(
  "| RSS before MB | RSS peak MB | RSS 5 s after MB | cut by the gateway while held | mints afterwards |",
);
console.log("| --- | --- | --- | --- | --- |");
console.log(
  `| ${baseline.toFixed(1)} | ${peak.toFixed(1)} | ${after.toFixed(1)} | ${cutBeforeLeaving} of ${count} (${accepted} connected) | ${minted ? "yes" : "no"} |`,
);
