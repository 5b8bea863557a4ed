import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { e2ePortsProblem, portProblem } from "./free-ports";

const servers: Server[] = [];
/** Listens on a free port (on `host`, or all interfaces) until the test ends; its number. */
async function bind(host?: string, port = 0): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host }, resolve);
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}
/** A port with its next two free at the time of the call. */
async function freePair(): Promise<number> {
  for (;;) {
    const port = await bind();
    await close();
    if (!(await portProblem(port)) && !(await portProblem(port + 1)) && !(await portProblem(port + 2))) return port;
  }
}
const close = () => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
afterEach(close);

describe("e2ePortsProblem", () => {
  it("says nothing when the app's port and the next two are free", async () => {
    expect(await e2ePortsProblem(await freePair())).toBeNull();
  });

  it("names E2E_PORT when the app's port is taken", async () => {
    const port = await bind();
    expect(await e2ePortsProblem(port)).toMatch(
      new RegExp(`^E2E_PORT ${port} is taken \\(port ${port}, the app's: in use.*\\): set E2E_PORT to a free port$`),
    );
  });

  it("names E2E_PORT when only the decision server's port (E2E_PORT+1) is taken", async () => {
    const port = await freePair();
    await bind(undefined, port + 1);
    expect(await e2ePortsProblem(port)).toBe(
      `E2E_PORT ${port} is taken (port ${port + 1}, the decision server's (E2E_PORT+1): in use): set E2E_PORT to a free port`,
    );
  });

  it("names E2E_PORT when only the demo storefront's port (E2E_PORT+2) is taken", async () => {
    const port = await freePair();
    await bind(undefined, port + 2);
    expect(await e2ePortsProblem(port)).toBe(
      `E2E_PORT ${port} is taken (port ${port + 2}, the demo storefront's (E2E_PORT+2): in use): set E2E_PORT to a free port`,
    );
  });

  it("sees a port taken on localhost only", async () => {
    const port = await bind("127.0.0.1");
    expect(await portProblem(port)).toBe("in use");
  });

  it("refuses what is not a port", async () => {
    expect(await e2ePortsProblem(Number("abc"))).toBe("E2E_PORT NaN is not a port number (1–65533)");
    expect(await e2ePortsProblem(65_534)).toMatch(/is not a port number/);
  });
});
