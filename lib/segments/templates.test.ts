import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { segmentRuleSchema } from "./schema";
import type { ProfileState } from "./state";
import { findTemplate, SEGMENT_TEMPLATES } from "./templates";
import { baseComputed, EDGE_NOW } from "./testing/edge-cases";

const DAY = 86_400_000;
const state = (over: Partial<ProfileState>): ProfileState => ({
  traits: {},
  computed: baseComputed,
  events: [],
  staticSegments: new Set(),
  ...over,
});
const matches = (key: string, s: ProfileState) =>
  evaluate(findTemplate(key)!.rule, s, { now: EDGE_NOW, context: null, segments: new Map() });

describe("segment templates", () => {
  it("are valid rules", () => {
    for (const t of SEGMENT_TEMPLATES) expect(segmentRuleSchema.safeParse(t.rule).success, t.key).toBe(true);
  });
  it("at-risk: bought before, nothing for 60 days", () => {
    const order = (daysAgo: number) => ({
      name: "Order Completed",
      occurredAt: EDGE_NOW - daysAgo * DAY,
      properties: {},
    });
    expect(matches("at-risk", state({ computed: { ...baseComputed, orders: 1 }, events: [order(61)] }))).toBe(true);
    expect(
      matches("at-risk", state({ computed: { ...baseComputed, orders: 2 }, events: [order(61), order(10)] })),
    ).toBe(false);
    expect(matches("at-risk", state({}))).toBe(false);
  });
  it("cart abandoners: added in the last 24 hours without buying", () => {
    const added = { name: "Product Added", occurredAt: EDGE_NOW - 3_600_000, properties: {} };
    expect(matches("cart-abandoners", state({ events: [added] }))).toBe(true);
    expect(matches("cart-abandoners", state({ events: [added, { ...added, name: "Order Completed" }] }))).toBe(false);
  });
  it("RFM champions need all three scores high", () => {
    expect(
      matches(
        "rfm-champions",
        state({ computed: { ...baseComputed, rfmRecency: 5, rfmFrequency: 4, rfmMonetary: 4 } }),
      ),
    ).toBe(true);
    expect(
      matches(
        "rfm-champions",
        state({ computed: { ...baseComputed, rfmRecency: 5, rfmFrequency: 3, rfmMonetary: 5 } }),
      ),
    ).toBe(false);
  });
});
