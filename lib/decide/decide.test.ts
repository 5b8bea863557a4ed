import { describe, expect, it } from "vitest";
import type { RuleGroup } from "@/lib/segments/schema";
import type { ProfileState } from "@/lib/segments/state";
import { buildSnapshot, type SnapshotConfig } from "./build-snapshot";
import { decide } from "./decide";
import type { VisitorState } from "./types";
import { zonedTimeToInstant } from "./zoned-time";

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;
const de: RuleGroup = {
  type: "group",
  id: "r",
  combinator: "and",
  children: [{ type: "trait", id: "c", key: "country", valueType: "string", op: "equals", value: "DE" }],
};
const shoeFans: RuleGroup = {
  type: "group",
  id: "r",
  combinator: "and",
  children: [
    {
      type: "behavior",
      id: "b",
      event: "Product Viewed",
      filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }],
      count: { op: "at_least", value: 3 },
      window: { kind: "last_days", days: 7 },
    },
  ],
};
type Experience = SnapshotConfig["placements"][number]["experiences"][number];
const experience = (id: string, priority: number, over: Partial<Experience> = {}): Experience => ({
  id,
  name: id,
  priority,
  isDefault: false,
  status: "live",
  segmentId: null,
  rule: null,
  startsAt: null,
  endsAt: null,
  variants: [{ id: `v-${id}`, name: id, body: `<h1>${id} for {{ first_name | default: "you" }}</h1>` }],
  ...over,
});
const config = (
  experiences: Experience[],
  over: Partial<SnapshotConfig["placements"][number]> = {},
): SnapshotConfig => ({
  workspaceId: "w",
  version: 3,
  segments: [{ id: "seg-shoes", name: "Shoe fans", kind: "dynamic", rule: shoeFans }],
  placements: [
    {
      id: "p1",
      key: "home-hero",
      name: "Home hero",
      contentType: "html",
      killSwitch: false,
      experiences: [
        ...experiences,
        experience("default", 999, {
          isDefault: true,
          variants: [{ id: "v-default", name: "Default", body: "<h1>Welcome</h1>" }],
        }),
      ],
      ...over,
    },
  ],
  experiments: [],
  holdoutShare: 0,
});
const profile = (traits: Record<string, unknown>, shoeViews = 0): ProfileState => ({
  traits,
  computed: {
    orders: 0,
    revenue: "0",
    sessions: 2,
    eventCount: shoeViews,
    firstSeenAt: NOW - 30 * DAY,
    lastSeenAt: NOW,
    lastOrderAt: null,
    rfmRecency: null,
    rfmFrequency: null,
    rfmMonetary: null,
  },
  events: Array.from({ length: shoeViews }, (_, i) => ({
    name: "Product Viewed",
    occurredAt: NOW - (i + 1) * 3_600_000,
    properties: { category: "shoes" },
  })),
  staticSegments: new Set(),
});
const visitor = (p: ProfileState | null, personalization = true): VisitorState => ({
  profileId: p ? "prof" : null,
  profile: p,
  personalization,
  assignments: [],
});
const run = (
  cfg: SnapshotConfig,
  v: VisitorState,
  placements = ["home-hero"],
  now = NOW,
  traits?: Record<string, unknown>,
) => decide(buildSnapshot(cfg, now), v, { placements, ids: {}, context: { device: "mobile" }, now, traits });

describe("decide", () => {
  const cfg = config([experience("germans", 1, { rule: de }), experience("shoe-fans", 2, { segmentId: "seg-shoes" })]);

  it("serves the first experience by priority whose rule matches, rendered for the visitor", () => {
    const both = run(cfg, visitor(profile({ country: "DE", first_name: "Ana" }, 3)));
    expect(both.decisions["home-hero"]).toEqual({
      placementId: "p1",
      variantId: "v-germans",
      experimentId: null,
      variationId: null,
      experienceId: "germans",
      content: "<h1>germans for Ana</h1>",
      contentType: "html",
      reason: "experience",
    });
    expect(run(cfg, visitor(profile({ country: "FR" }, 3))).decisions["home-hero"]).toMatchObject({
      experienceId: "shoe-fans",
      content: "<h1>shoe-fans for you</h1>",
    });
  });

  it("keeps every variant of an experience, serves the first that compiles, and names the placement for the exposure log", () => {
    const variants = [
      { id: "v-broken", name: "broken", body: "<h1>{% if %}</h1>" },
      { id: "v-first", name: "first", body: "<h1>First</h1>" },
      { id: "v-second", name: "second", body: "<h1>Second</h1>" },
    ];
    const several = config([experience("several", 1, { variants })]);
    const snapshot = buildSnapshot(several, NOW);
    expect(snapshot.placements.get("home-hero")!.experiences[0]!.variants.map((v) => v.id)).toEqual([
      "v-first",
      "v-second",
    ]);
    expect(run(several, visitor(profile({}))).decisions["home-hero"]).toMatchObject({
      placementId: "p1",
      variantId: "v-first",
      experienceId: "several",
      content: "<h1>First</h1>",
    });
    const none = config([experience("none", 1, { variants: [variants[0]!] })]);
    expect(buildSnapshot(none, NOW).placements.get("home-hero")!.experiences).toEqual([]);
  });

  it("falls back to the default when nothing matches, and for a visitor without a profile", () => {
    expect(run(cfg, visitor(profile({ country: "FR" }, 2))).decisions["home-hero"]).toMatchObject({
      variantId: "v-default",
      experimentId: null,
      variationId: null,
      experienceId: null,
      reason: "default",
    });
    expect(run(cfg, visitor(null)).decisions["home-hero"]).toMatchObject({ variantId: "v-default", reason: "default" });
  });

  it("lets traits sent with the request decide, and escapes them", () => {
    const result = run(cfg, visitor(null), ["home-hero"], NOW, { country: "DE", first_name: "<b>Eve</b>" });
    expect(result.decisions["home-hero"]!.content).toBe("<h1>germans for &lt;b&gt;Eve&lt;/b&gt;</h1>");
  });

  it("serves only the default with the kill switch on, or without personalization consent", () => {
    const killed = config([experience("germans", 1, { rule: de })], { killSwitch: true });
    expect(run(killed, visitor(profile({ country: "DE" }))).decisions["home-hero"]).toMatchObject({
      variantId: "v-default",
      reason: "kill_switch",
    });
    expect(run(cfg, visitor(profile({ country: "DE" }), false)).decisions["home-hero"]).toMatchObject({
      variantId: "v-default",
      reason: "no_consent",
    });
  });

  it("skips drafts, paused experiences and those outside their schedule, read in their time zone", () => {
    const start = zonedTimeToInstant("2026-11-23T14:00", "Europe/Berlin"); // 13:00 UTC, an hour after NOW
    const cfgs = config([
      experience("draft", 1, { rule: de, status: "draft" }),
      experience("paused", 2, { rule: de, status: "paused" }),
      experience("later", 3, { rule: de, startsAt: new Date(start) }),
      experience("ended", 4, { rule: de, endsAt: new Date(NOW) }),
      experience("now", 5, { rule: de, startsAt: new Date(NOW - DAY), endsAt: new Date(NOW + 1) }),
    ]);
    const ana = visitor(profile({ country: "DE" }));
    expect(run(cfgs, ana).decisions["home-hero"]!.experienceId).toBe("now");
    expect(run(cfgs, ana, ["home-hero"], start).decisions["home-hero"]!.experienceId).toBe("later");
  });

  it("reports unknown placements without failing the others", () => {
    const result = run(cfg, visitor(null), ["home-hero", "nope", "home-hero"]);
    expect(Object.keys(result.decisions)).toEqual(["home-hero"]);
    expect(result.unknownPlacements).toEqual(["nope"]);
  });

  it("reports a placement with nothing to serve", () => {
    const bare: SnapshotConfig = {
      ...cfg,
      placements: [{ ...cfg.placements[0]!, experiences: [experience("germans", 1, { rule: de })] }],
    };
    expect(run(bare, visitor(profile({ country: "FR" }))).empty).toEqual(["home-hero"]);
  });

  it("knows how much history its rules read", () => {
    expect(buildSnapshot(cfg, NOW).historyDays).toBe(7);
  });
});

describe("decide's shared decisions", () => {
  const cfg = config([experience("germans", 1, { rule: de })]);
  const snapshot = buildSnapshot(cfg, NOW);
  const ask = (v: VisitorState) =>
    decide(snapshot, v, { placements: ["home-hero"], ids: {}, context: {}, now: NOW }).decisions["home-hero"]!;

  it("serves content without template outputs as one frozen object per variant and reason, and renders templates afresh", () => {
    const fallback = ask(visitor(profile({ country: "FR" })));
    expect(fallback).toEqual({
      placementId: "p1",
      variantId: "v-default",
      experimentId: null,
      variationId: null,
      experienceId: null,
      content: "<h1>Welcome</h1>",
      contentType: "html",
      reason: "default",
    });
    expect(Object.isFrozen(fallback)).toBe(true);
    expect(ask(visitor(null))).toBe(fallback);
    const refused = ask(visitor(null, false));
    expect(refused).toMatchObject({ variantId: "v-default", reason: "no_consent" });
    expect(refused).not.toBe(fallback);
    expect(ask(visitor(null, false))).toBe(refused);
    const ana = ask(visitor(profile({ country: "DE", first_name: "Ana" })));
    expect(ana.content).toBe("<h1>germans for Ana</h1>");
    expect(Object.isFrozen(ana)).toBe(false);
    expect(ask(visitor(profile({ country: "DE", first_name: "Bo" }))).content).toBe("<h1>germans for Bo</h1>");
  });
});
