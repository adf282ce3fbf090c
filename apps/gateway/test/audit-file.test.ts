/**
 * The audit trail in a file of its own, in the built gateway as deployed
 * (`node dist/main.js`): events go to `AUDIT_LOG_FILE` and not to stdout,
 * and SIGHUP reopens the file, as logrotate's `postrotate` expects.
 */
import { mkdtempSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FaultServer } from "@tokengate/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/index.js";
import { auditEvents, auditLines } from "./support/audit.js";
import { GUID, mint, startGateway, startMintingUpstream } from "./support/gateway.js";
import { runGateway } from "./support/process.js";

let upstream: FaultServer;
beforeAll(async () => {
  upstream = await startMintingUpstream();
});
afterAll(() => upstream.close());

const INPUT = { customerGuid: GUID, scopes: ["CUSTOMERS_READ"] };
const eventsIn = (path: string) => auditEvents(readFileSync(path, "utf8").split("\n"));

describe("AUDIT_LOG_FILE", () => {
  it("gets each event instead of stdout, and is reopened at its path on SIGHUP", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "tokengate-audit-")), "audit", "audit.log");
    const gateway = await runGateway({ IDP_BASE_URL: upstream.url, AUDIT_LOG_FILE: path }).ready;
    await mint(gateway, INPUT);
    expect(eventsIn(path)).toMatchObject([{ outcome: "ok", customer: GUID }]);

    // logrotate moves the file away, then signals the gateway.
    renameSync(path, `${path}.1`);
    gateway.child.kill("SIGHUP");
    await gateway.waitFor(/reopened the audit file/);
    await mint(gateway, { ...INPUT, customerGuid: "0123456789abcdef0123456789abcdef" });

    expect(eventsIn(`${path}.1`)).toMatchObject([{ customer: GUID }]);
    expect(eventsIn(path)).toMatchObject([{ customer: "0123456789abcdef0123456789abcdef" }]);
    expect(auditLines([gateway.output()])).toEqual([]);
  });

  it("that cannot be written (a full disk) is logged as an error; the caller still gets its answer", async () => {
    const gateway = await startGateway(upstream.url, { AUDIT_LOG_FILE: "/dev/full" });
    const { body } = await mint(gateway, INPUT);
    expect(body.errors).toBeUndefined();
    const errors = gateway.logs.filter((line) =>
      line.includes("the audit file could not be written"),
    );
    expect(errors.join("\n")).toContain('"code":"ENOSPC"');
  });

  it("is refused with AUDIT_LOG=off, which would silently write nothing", () => {
    const loaded = loadConfig({
      IDP_BASE_URL: "sandbox",
      AUDIT_LOG: "off",
      AUDIT_LOG_FILE: "/var/log/tokengate/audit.log",
    });
    expect(loaded).toEqual({
      ok: false,
      problems: ["AUDIT_LOG_FILE is set, but AUDIT_LOG=off writes no events"],
    });
  });
});
