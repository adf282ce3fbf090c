import { describe, expect, it } from "vitest";
import { createLogger } from "../src/ops/logger.js";
import { captureLogs } from "./support/logs.js";

describe("the logger", () => {
  it("censors authorization headers, tokens and client secrets wherever they are logged", () => {
    const { sink, lines } = captureLogs();
    const log = createLogger("debug", sink);
    log.debug({
      headers: { authorization: "Bearer bank-secret" },
      upstream: { access_token: "minted-secret" },
      accessToken: "minted-secret-2",
      config: { clientSecret: "client-secret", client_secret: "client-secret-2" },
      authorization: "Bearer bank-secret-2",
    });
    const line = lines.join("");
    for (const secret of ["bank-secret", "minted-secret", "client-secret"])
      expect(line).not.toContain(secret);
    expect(line.match(/\[redacted\]/g)).toHaveLength(6);
  });
});
