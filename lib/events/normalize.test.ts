import { describe, expect, it } from "vitest";
import { eventTime, normalizeMessage } from "./normalize";
import { messageSchema } from "./schema";

const received = new Date("2026-05-01T12:00:00.000Z");
const normalize = (raw: unknown, keepPii = true) =>
  normalizeMessage(messageSchema.parse(raw), received, { newMessageId: () => "generated", keepPii });

describe("eventTime", () => {
  it("removes the device clock's skew when sentAt and originalTimestamp are both given", () => {
    expect(eventTime({ originalTimestamp: "2030-01-01T00:00:00Z", sentAt: "2030-01-01T00:00:05Z" }, received)).toEqual(
      new Date("2026-05-01T11:59:55.000Z"),
    );
  });
  it("otherwise uses timestamp, then originalTimestamp, then the time received", () => {
    expect(eventTime({ timestamp: "2026-04-30T10:00:00+02:00" }, received)).toEqual(
      new Date("2026-04-30T08:00:00.000Z"),
    );
    expect(eventTime({ originalTimestamp: "2026-04-30T10:00:00Z" }, received)).toEqual(
      new Date("2026-04-30T10:00:00.000Z"),
    );
    expect(eventTime({}, received)).toEqual(received);
  });
});

describe("normalizeMessage", () => {
  it("names events by type and reads revenue", () => {
    expect(
      normalize({ type: "track", anonymousId: "a", event: "Order Completed", properties: { revenue: 12.5 } }),
    ).toMatchObject({ name: "Order Completed", revenue: 12.5, messageId: "generated" });
    expect(normalize({ type: "page", anonymousId: "a" }).name).toBe("Page Viewed");
    expect(normalize({ type: "page", anonymousId: "a", name: "Home" }).name).toBe("Home");
    expect(
      normalize({ type: "track", anonymousId: "a", event: "X", properties: { revenue: "12" } }).revenue,
    ).toBeNull();
    expect(normalize({ type: "track", userId: 42, event: "X" }).userId).toBe("42");
  });
  it("takes identities and consent from traits, and drops plain PII from traits when asked", () => {
    const n = normalize(
      {
        type: "identify",
        userId: "u",
        traits: { email: "A@B.co", phone: "+14155550100", plan: "pro", consent: { analytics: false } },
      },
      false,
    );
    expect(n).toMatchObject({
      email: "A@B.co",
      phone: "+14155550100",
      traits: { plan: "pro" },
      consent: { analytics: false },
    });
    expect(n.traits).not.toHaveProperty("email");
    expect(n.traits).not.toHaveProperty("consent");
  });
  it("maps Segment's consent categories onto our purposes", () => {
    const n = normalize({
      type: "track",
      anonymousId: "a",
      event: "X",
      context: { consent: { categoryPreferences: { Advertising: false, Analytics: true, Functional: true } } },
    });
    expect(n.consent).toEqual({ marketing: false, analytics: true, personalization: true });
  });
});
