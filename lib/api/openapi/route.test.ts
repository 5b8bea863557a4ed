// GET /api/v1/openapi.json, called as Next.js calls the route handler: public, JSON, cacheable, the same document each time.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from ".";

const request = (headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/v1/openapi.json", { headers });

describe("GET /api/v1/openapi.json", () => {
  it("answers the document as JSON, with no key, cacheable", async () => {
    const response = await GET(request());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toContain("/api/v1/openapi.json");
  });

  it("serves the same text every time (made once per process), whatever key or origin is sent", async () => {
    const first = await (await GET(request())).text();
    const again = await GET(
      request({ authorization: "Bearer wk_not-a-real-key", origin: "https://elsewhere.example" }),
    );
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(first);
    expect(openApiDocument()).toBe(openApiDocument());
  });
});
