import { execFileSync } from "node:child_process";
import { codeBlocks, section, tableNames } from "@tokengate/testkit/package-checks";
import { prismUrl } from "@tokengate/testkit/vitest";
import { describe, expect, it } from "vitest";
import { GATEWAY_ERROR_CODES } from "../src/error-codes.js";
import { runGateway } from "./support/process.js";

const readme = new URL("../../../README.md", import.meta.url).pathname;

describe("the repository README", () => {
  it("lists every code of the error catalogue, in its order, and no other", () => {
    const [codes] = tableNames(section(readme, "Errors"));
    expect(codes).toEqual(Object.keys(GATEWAY_ERROR_CODES));
  });

  it("has a Try it curl that mints through the built gateway as pasted", async () => {
    const [curl] = codeBlocks(section(readme, "Try it"), "sh").filter((block) =>
      block.startsWith("curl "),
    );
    expect(curl).toBeDefined();
    const gateway = await runGateway({ IDP_BASE_URL: prismUrl() }).ready;
    const command = (curl ?? "").replaceAll("http://localhost:4000", gateway.url);
    const answer = JSON.parse(execFileSync("bash", ["-c", command], { encoding: "utf8" }));
    expect(answer).toMatchObject({
      data: {
        createCustomerToken: {
          expiresAt: "2030-01-01T00:00:00.000Z",
          scopes: ["CUSTOMERS_READ"],
          grantedScopes: ["CUSTOMERS_READ", "ACCOUNTS_READ"],
        },
      },
    });
    expect(answer.data.createCustomerToken.accessToken.split(".")).toHaveLength(3);
    gateway.child.kill("SIGTERM");
    expect(await gateway.exit).toBe(0);
  });
});
