import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPTIONS, POST as track } from "@/app/api/v1/track/route";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg-pool";
import { clearKeyCache } from "@/lib/api-keys/runtime/key-cache";
import { createTestApiKey, createTestWorkspace } from "@/scripts/test/fixtures";

let key: string;
afterAll(() => closePgPool());
beforeAll(async () => {
  const { workspace } = await createTestWorkspace("Cors", ["admin"]);
  await db.workspace.update({ where: { id: workspace.id }, data: { corsOrigins: ["https://shop.example"] } });
  key = await createTestApiKey(workspace.id, "client");
  clearKeyCache();
});

const call = (origin: string | null, body: unknown = { anonymousId: "cors-1", event: "Viewed" }) =>
  track(
    new Request("https://app.example/api/v1/track", {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "text/plain;charset=UTF-8",
        ...(origin ? { origin } : {}),
      },
      body: JSON.stringify(body),
    }),
  );

describe("CORS of the browser-callable API", () => {
  it("answers preflights for any origin", async () => {
    const response = OPTIONS(
      new Request("https://app.example/api/v1/track", {
        method: "OPTIONS",
        headers: { origin: "https://shop.example" },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("serves an allowed origin with its CORS header, a text/plain body included (sendBeacon)", async () => {
    const response = await call("https://shop.example");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://shop.example");
  });

  it("refuses an origin outside the workspace's allowlist, and allows the app's own origin and servers", async () => {
    const refused = await call("https://evil.example");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain("https://evil.example is not allowed");
    expect((await call("https://app.example")).status).toBe(200);
    expect((await call(null)).status).toBe(200);
  });
});
