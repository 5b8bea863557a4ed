import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-address";

const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe("clientAddress", () => {
  it("is the connection's peer without a proxy, whatever X-Forwarded-For a client sends", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: "203.0.113.7" }), 0)).toBe("203.0.113.7");
    expect(clientAddress(headers({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" }), 0)).toBe(
      "203.0.113.7",
    );
  });

  it("behind N proxies, is the entry the outermost trusted one wrote, not what the client put before it", () => {
    // client 198.51.100.4 sent a forged 1.2.3.4; the load balancer (10.0.0.2) appended the client; the app sees 10.0.0.2
    const request = headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.4" });
    expect(clientAddress(request, 1)).toBe("198.51.100.4");
    // two proxies: CDN appends the client, the balancer appends the CDN
    const twice = headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.4, 172.16.0.9" });
    expect(clientAddress(twice, 2)).toBe("198.51.100.4");
  });

  it("stops at the leftmost entry when the chain is shorter than the proxies said, and is null without a stamp", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: "10.0.0.2" }), 3)).toBe("10.0.0.2");
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.4" }), 0)).toBeNull();
    expect(clientAddress(headers({ [PEER_HEADER]: "  " }), 0)).toBeNull();
  });
});
