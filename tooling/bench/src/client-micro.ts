import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createIdpClient } from "@tokengate/idp-client";
import { Pool } from "undici";
import { AUTHORIZATION, CUSTOMER_GUID } from "./operation.js";

export interface MicroResult {
  name: string;
  callsPerSecond: number;
  cpuMicrosPerCall: number;
}

const BODY = {
  customer_guid: CUSTOMER_GUID,
  scopes: ["customers:read" as const, "accounts:read" as const],
};

/** Runs `call` from `concurrency` loops for `seconds`; CPU from this process's own usage. */
async function measure(
  name: string,
  seconds: number,
  concurrency: number,
  call: () => Promise<void>,
): Promise<MicroResult> {
  const deadline = performance.now() + seconds * 1000;
  let calls = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await call();
        calls += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    name,
    callsPerSecond: calls / elapsed,
    cpuMicrosPerCall: (cpu.user + cpu.system) / calls,
  };
}

/** Starts the stub in a process of its own and resolves with its URL and a stop function. */
async function startStubProcess(): Promise<{ url: string; stop(): void }> {
  const entry = fileURLToPath(new URL("./stub-server.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  return { url: chunk.toString("utf8").trim(), stop: () => child.kill("SIGTERM") };
}

/**
 * `createCustomerToken` through @tokengate/idp-client against a bare
 * `undici.request` of the same wire request, in this process, against a stub
 * in another process (so its CPU is not counted). Each runs twice in turn
 * and the better run counts, to damp the noise of JIT warm-up.
 */
export async function clientMicroBench(
  seconds: number,
  expectedToken: string,
): Promise<MicroResult[]> {
  const stub = await startStubProcess();
  const upstreamUrl = stub.url;
  const idp = createIdpClient({
    baseUrl: upstreamUrl,
    token: AUTHORIZATION.slice("Bearer ".length),
  });
  const pool = new Pool(upstreamUrl, { connections: 64 });
  const payload = JSON.stringify(BODY);
  const viaClient = async () => {
    const { data } = await idp.createCustomerToken(BODY);
    if (data?.access_token !== expectedToken) throw new Error("client returned a wrong token");
  };
  const viaUndici = async () => {
    const response = await pool.request({
      path: "/api/customer_tokens",
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        authorization: AUTHORIZATION,
      },
      body: payload,
    });
    const token = (await response.body.json()) as { access_token?: string };
    if (token.access_token !== expectedToken) throw new Error("undici returned a wrong token");
  };
  const results: MicroResult[] = [];
  for (let round = 0; round < 2; round++) {
    results.push(await measure("bare undici.request", seconds / 2, 16, viaUndici));
    results.push(await measure("@tokengate/idp-client", seconds / 2, 16, viaClient));
  }
  await idp.close();
  await pool.close();
  stub.stop();
  const best = (name: string) =>
    results
      .filter((result) => result.name === name)
      .sort((a, b) => a.cpuMicrosPerCall - b.cpuMicrosPerCall)[0] as MicroResult;
  return [best("bare undici.request"), best("@tokengate/idp-client")];
}
