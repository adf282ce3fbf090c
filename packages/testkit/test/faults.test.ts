import { describe, expect, it } from "vitest";
import {
  inTurn,
  largeBody,
  notHttp,
  redirect,
  reply,
  resetBeforeAnswer,
  startFaultServer,
} from "../src/index.js";

describe("fault handlers", () => {
  it("inTurn answers the n-th request with the n-th handler, then repeats the last", async () => {
    const server = await startFaultServer(inTurn(reply(503, "busy"), reply(201, "ok")));
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(server.url)).status);
      expect(statuses).toEqual([503, 201, 201]);
    } finally {
      await server.close();
    }
  });

  it.each([
    ["declared", "100000", null],
    ["streamed", null, "chunked"],
  ] as const)(
    "largeBody %s: a JSON token body of the asked size",
    async (length, contentLength, encoding) => {
      const server = await startFaultServer(largeBody(100_000, length));
      try {
        const response = await fetch(server.url);
        expect(response.headers.get("content-length")).toBe(contentLength);
        expect(response.headers.get("transfer-encoding")).toBe(encoding);
        const text = await response.text();
        expect(text).toHaveLength(100_000);
        expect(JSON.parse(text)).toHaveProperty("access_token");
      } finally {
        await server.close();
      }
    },
  );

  it("redirect answers its status with a Location", async () => {
    const server = await startFaultServer(redirect(307, "http://127.0.0.1:9/elsewhere"));
    try {
      const response = await fetch(server.url, { redirect: "manual" });
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe("http://127.0.0.1:9/elsewhere");
    } finally {
      await server.close();
    }
  });

  it("resetBeforeAnswer drops the connection before any answer", async () => {
    const server = await startFaultServer(resetBeforeAnswer);
    try {
      await expect(fetch(server.url)).rejects.toThrow(TypeError);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("notHttp answers with something no HTTP client can parse", async () => {
    const server = await startFaultServer(notHttp);
    try {
      const failure = await fetch(server.url).catch((error: unknown) => error);
      // Node 24's fetch leaves the parser error's code unset; its class names it on every line.
      expect((failure as Error).cause).toMatchObject({ name: "HTTPParserError" });
    } finally {
      await server.close();
    }
  });
});
