// The peer stamp, on a real HTTP server of this process: a client cannot choose the address it is counted under.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "@/lib/auth/client-address";
import { stampPeerAddresses } from "./peer-address";

let server: http.Server;
let url: string;
beforeAll(async () => {
  stampPeerAddresses();
  server = http.createServer((req, res) => {
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    };
    res.end(JSON.stringify({ peer: header(PEER_HEADER), address: clientAddress(header, 0) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it("stamps the connection's peer over a forged stamp and a forged X-Forwarded-For", async () => {
  const answer = await fetch(url, { headers: { [PEER_HEADER]: "198.51.100.66", "x-forwarded-for": "198.51.100.1" } });
  expect(await answer.json()).toEqual({ peer: "127.0.0.1", address: "127.0.0.1" });
});
