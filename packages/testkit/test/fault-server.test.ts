import { describe, expect, it } from "vitest";
import { startFaultServer } from "../src/index.js";

describe("startFaultServer", () => {
  it("records each request and answers with the current handler", async () => {
    const server = await startFaultServer((_request, response) => response.end("first"));
    const one = await fetch(`${server.url}/a`, { method: "POST", body: "hello" });
    expect(await one.text()).toBe("first");
    server.setHandler((_request, response) => {
      response.statusCode = 503;
      response.end();
    });
    expect((await fetch(`${server.url}/b`)).status).toBe(503);
    expect(server.requests.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: "POST", url: "/a", body: "hello" },
      { method: "GET", url: "/b", body: "" },
    ]);
    await server.close();
  });

  it("closes even while a handler holds a connection open", async () => {
    const server = await startFaultServer(() => undefined);
    const pending = fetch(server.url).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
