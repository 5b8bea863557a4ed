import { describe, expect, it } from "vitest";
import { CLICK_EVENT } from "@/lib/analytics/content";
import { CLICK_RATE } from "./clicks";
import { generateProfiles } from "./generate";

const profiles = [
  ...generateProfiles({
    profiles: 400,
    days: 30,
    seed: 42,
    now: new Date("2026-05-20T00:00:00Z"),
    decisions: { workspaceId: "w", since: new Date("2026-04-01T00:00:00Z") },
  }),
];

describe("the demo's clicks", () => {
  const exposures = profiles.flatMap((p) => p.exposures);
  const clicks = profiles.flatMap((p) => p.events.filter((e) => e.name === CLICK_EVENT));

  it("click some of the decisions, at about the chosen rates, shortly after each", () => {
    expect(exposures.length).toBeGreaterThan(1_000);
    const rate = clicks.length / exposures.length;
    expect(rate).toBeGreaterThan(CLICK_RATE.fallback * 0.8);
    expect(rate).toBeLessThan(CLICK_RATE.targeted * 1.2);
    for (const p of profiles)
      for (const click of p.events.filter((e) => e.name === CLICK_EVENT)) {
        const shown = p.exposures.find((x) => x.variantId === click.properties.variant_id);
        expect(shown).toBeDefined();
        expect(typeof click.properties.placement).toBe("string");
      }
  });

  it("are the same on every run, with message ids of their own", () => {
    const again = [
      ...generateProfiles({
        profiles: 400,
        days: 30,
        seed: 42,
        now: new Date("2026-05-20T00:00:00Z"),
        decisions: { workspaceId: "w", since: new Date("2026-04-01T00:00:00Z") },
      }),
    ].flatMap((p) => p.events.filter((e) => e.name === CLICK_EVENT));
    expect(JSON.stringify(again)).toBe(JSON.stringify(clicks));
    const ids = profiles.flatMap((p) => p.events.map((e) => e.messageId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
