import { describe, expect, it } from "vitest";
import { decideBodySchema, deviceOf, visitContextOf } from "./request";

const body = (over: Record<string, unknown> = {}) => decideBodySchema.parse({ placements: ["home-hero"], ...over });

describe("the decide request", () => {
  it("reads device types from user agents", () => {
    expect(deviceOf("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148")).toBe("mobile");
    expect(deviceOf("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Mobile/15E148")).toBe("tablet");
    expect(deviceOf("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Safari/537.36")).toBe("tablet");
    expect(deviceOf("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36")).toBe("mobile");
    expect(deviceOf("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0")).toBe("desktop");
  });

  it("builds the visit context: path from the URL, country from a CDN header, local time in the visitor's zone", () => {
    const now = Date.UTC(2026, 10, 23, 22, 30); // Monday 22:30 UTC = Tuesday 07:30 in Tokyo
    const ctx = visitContextOf(
      body({
        context: { url: "https://shop.example/p/shoe?x=1", timezone: "Asia/Tokyo", utm: { source: "newsletter" } },
      }),
      { now, countryHeader: "jp", returning: true },
    );
    expect(ctx).toMatchObject({
      path: "/p/shoe",
      country: "JP",
      localHour: 7,
      weekday: "tuesday",
      utmSource: "newsletter",
      visitor: "returning",
    });
    expect(visitContextOf(body(), { now, returning: false })).toMatchObject({
      localHour: 22,
      weekday: "monday",
      visitor: "new",
    });
  });

  it("reads the local hour right on both sides of a daylight-saving change, minute by minute", () => {
    const berlin = body({ context: { timezone: "Europe/Berlin" } });
    const change = Date.UTC(2026, 2, 29, 1, 0); // 02:00 CET becomes 03:00 CEST
    const hours = [-2, -1, 0, 1, 59, 60].map(
      (m) => visitContextOf(berlin, { now: change + m * 60_000, returning: false }).localHour,
    );
    expect(hours).toEqual([1, 1, 3, 3, 3, 4]);
    const kathmandu = body({ context: { timezone: "Asia/Kathmandu" } }); // UTC+5:45
    expect(
      [14, 15].map((m) => visitContextOf(kathmandu, { now: Date.UTC(2026, 0, 1, 0, m), returning: false }).localHour),
    ).toEqual([5, 6]);
  });

  it("refuses what it cannot use, saying where", () => {
    const bad = decideBodySchema.safeParse({ placements: [], context: { timezone: "Mars/Base", country: "Germany" } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["placements", "context.timezone", "context.country"]),
    );
  });
});
