import { describe, expect, it } from "vitest";
import { applyBatch, counterDelta, type ProfileState } from "./apply";
import type { NormalizedEvent } from "./normalize";

const at = (iso: string) => new Date(iso);
const event = (overrides: Partial<NormalizedEvent>): NormalizedEvent => ({
  type: "track",
  name: "X",
  messageId: "m",
  occurredAt: at("2026-01-01T10:00:00Z"),
  properties: {},
  context: {},
  traits: null,
  consent: null,
  revenue: null,
  ...overrides,
});
const state = (id: string, overrides: Partial<ProfileState> = {}): ProfileState => ({
  id,
  traits: {},
  traitTimestamps: {},
  consent: {},
  ...overrides,
});

describe("applyBatch", () => {
  it("drops the events after an analytics opt-out, in message order, and keeps the consent change", () => {
    const events = [
      event({ name: "Before" }),
      event({ type: "identify", name: "Identify", consent: { analytics: false } }),
      event({ name: "After" }),
    ];
    const outcome = applyBatch(events, ["p", "p", "p"], new Map([["p", state("p")]]));
    expect(outcome.stored).toEqual([0]);
    expect(outcome.dropped).toEqual([1, 2]);
    expect(outcome.consentChanges).toEqual([
      { profileId: "p", purpose: "analytics", granted: false, source: "identify", changedAt: events[1]!.occurredAt },
    ]);
    expect(outcome.changed).toEqual(new Set(["p"]));
  });

  it("sets traits by last write (event time), and marks only changed profiles", () => {
    const known = state("p", { traits: { plan: "pro" }, traitTimestamps: { plan: "2026-02-01T00:00:00.000Z" } });
    const events = [
      event({ type: "identify", traits: { plan: "free", city: "Lyon" }, occurredAt: at("2026-01-15T00:00:00Z") }),
      event({ name: "Viewed" }),
    ];
    const outcome = applyBatch(
      events,
      ["p", "q"],
      new Map([
        ["p", known],
        ["q", state("q")],
      ]),
    );
    expect(outcome.profiles.get("p")?.traits).toEqual({ plan: "pro", city: "Lyon" });
    expect(outcome.changed).toEqual(new Set(["p"]));
    expect(known.traits).toEqual({ plan: "pro" });
  });
});

describe("counterDelta", () => {
  it("counts a session per gap over 30 minutes, continuing the profile's last one", () => {
    const times = ["10:00", "10:20", "11:00", "11:05"].map((t) => at(`2026-01-01T${t}:00Z`));
    expect(counterDelta(times, [], null, 30 * 60_000).sessions).toBe(2);
    expect(counterDelta(times, [], at("2026-01-01T09:45:00Z"), 30 * 60_000).sessions).toBe(1);
    const delta = counterDelta(
      times,
      [
        { at: times[3]!, revenue: 20 },
        { at: times[1]!, revenue: 5.5 },
      ],
      null,
      30 * 60_000,
    );
    expect(delta).toMatchObject({
      events: 4,
      orders: 2,
      revenue: 25.5,
      firstOrder: times[1],
      lastOrder: times[3],
      firstSeen: times[0],
      lastSeen: times[3],
    });
  });
});
