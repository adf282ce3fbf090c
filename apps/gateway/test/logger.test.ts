import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/index.js";

describe("the logger", () => {
  it("censors authorization headers, tokens and client secrets wherever they are logged", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
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
