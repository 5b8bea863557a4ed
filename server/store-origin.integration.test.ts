// The forwarder of the demo storefront's own origin, against an app that echoes what it receives.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORE_ORIGIN_HEADER } from "@/lib/demo-store/store-origin";
import { startStoreOrigin, type StoreOrigin } from "./store-origin";

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
let app: http.Server;
let store: StoreOrigin;
const seen: Seen[] = [];

beforeAll(async () => {
  app = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json", "set-cookie": "pz_anon=a1; Path=/" });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  store = await startStoreOrigin({
    port: 0,
    host: "127.0.0.1",
    upstream: { host: "127.0.0.1", port: (app.address() as AddressInfo).port },
  });
});
afterAll(async () => {
  await store.close();
  await new Promise((resolve) => app.close(resolve));
});

const storeUrl = (path: string) => `http://127.0.0.1:${store.port}${path}`;

describe("the demo storefront's origin", () => {
  it("passes a storefront page on without the dashboard's cookies, marked as the store's, and its answer back", async () => {
    seen.length = 0;
    const response = await fetch(storeUrl("/demo-store/p/mug?ref=home"), {
      headers: { cookie: "authjs.session-token=admin-session; pz_anon=a1", [STORE_ORIGIN_HEADER]: "forged" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBe("pz_anon=a1; Path=/");
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe("/demo-store/p/mug?ref=home");
    expect(seen[0]!.headers.cookie).toBe("pz_anon=a1");
    expect(seen[0]!.headers[STORE_ORIGIN_HEADER]).toBe("1");
  });

  it("passes the keyless API's POST body on, and sends no Cookie header when only the dashboard's were there", async () => {
    seen.length = 0;
    const body = JSON.stringify({ batch: [{ type: "track", event: "Viewed" }] });
    const response = await fetch(storeUrl("/demo-store/api/v1/batch"), {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "__Secure-authjs.session-token=s" },
      body,
    });
    expect(response.status).toBe(200);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/demo-store/api/v1/batch", body });
    expect(seen[0]!.headers.cookie).toBeUndefined();
  });

  it("refuses the dashboard's pages, its sign-in and its server actions, without asking the app", async () => {
    seen.length = 0;
    for (const path of ["/w/demo", "/login", "/api/auth/session", "/api/v1/decide"]) {
      const response = await fetch(storeUrl(path), { headers: { cookie: "authjs.session-token=s" } });
      expect(response.status, path).toBe(404);
    }
    const action = await fetch(storeUrl("/demo-store"), {
      method: "POST",
      headers: { "next-action": "abc" },
      body: "[]",
    });
    expect(action.status).toBe(403);
    expect((await fetch(storeUrl("/demo-store"), { method: "DELETE" })).status).toBe(405);
    expect(seen).toEqual([]);
  });

  it("answers 502 while the app does not answer", async () => {
    const orphan = await startStoreOrigin({ port: 0, host: "127.0.0.1", upstream: { host: "127.0.0.1", port: 1 } });
    try {
      const response = await fetch(`http://127.0.0.1:${orphan.port}/demo-store`);
      expect(response.status).toBe(502);
    } finally {
      await orphan.close();
    }
  });

  it("says which setting to change when its port is taken", async () => {
    await expect(
      startStoreOrigin({ port: store.port, host: "127.0.0.1", upstream: { host: "127.0.0.1", port: 1 } }),
    ).rejects.toThrow(
      `cannot listen on port ${store.port} for the demo storefront (EADDRINUSE): set DEMO_STORE_PORT to a free port, or DEMO_STORE=off`,
    );
  });
});
