import { afterEach, describe, expect, it, vi } from "vitest";
import { CATEGORIES, buildCatalog } from "../../lib/demo-store/catalog";
import { COUNTRIES } from "./demographics";
import { generateProfiles, seedClock, type SeedProfile } from "./generate";
import { idFrom } from "./random";

const now = new Date("2026-11-20T12:00:00.000Z");
const DAY_MS = 86_400_000;
const collect = (profiles: number, seed: number, days = 90): SeedProfile[] => [
  ...generateProfiles({ profiles, days, seed, now, chunkSize: 250 }),
];

// The default data set, generated once for the statistical checks.
const dataset = collect(5_000, 42);
const allEvents = dataset.flatMap((p) => p.events);
const ordersPerProfile = dataset.map((p) => p.events.filter((e) => e.name === "Order Completed").length);

describe("generate", () => {
  it("gives identical output for the same seed and different output for another", () => {
    const a = JSON.stringify(collect(300, 7));
    expect(JSON.stringify(collect(300, 7))).toBe(a);
    expect(JSON.stringify(collect(300, 8))).not.toBe(a);
  });

  it("does not depend on the chunk size", () => {
    const small = [...generateProfiles({ profiles: 120, days: 30, seed: 3, now, chunkSize: 7 })];
    expect(JSON.stringify(small)).toBe(JSON.stringify(collect(120, 3, 30)));
  });

  it("produces ~30 events per profile (120k–180k for 5,000 profiles)", () => {
    expect(dataset).toHaveLength(5_000);
    expect(allEvents.length).toBeGreaterThan(120_000);
    expect(allEvents.length).toBeLessThan(180_000);
    const perProfile = collect(1_000, 99).reduce((n, p) => n + p.events.length, 0) / 1_000;
    expect(perProfile).toBeGreaterThan(20);
    expect(perProfile).toBeLessThan(40);
  });

  it("has a funnel that drops off from view to add to checkout to order", () => {
    const count = (name: string) => allEvents.filter((e) => e.name === name).length;
    const [viewed, added, checkout, ordered] = [
      "Product Viewed",
      "Product Added",
      "Checkout Started",
      "Order Completed",
    ].map(count) as [number, number, number, number];
    expect(added).toBeLessThan(viewed * 0.3);
    expect(checkout).toBeLessThan(added);
    expect(ordered).toBeLessThan(checkout);
    expect(ordered).toBeGreaterThan(0);
  });

  it("makes most visitors never buy and a few buy often", () => {
    const buyers = ordersPerProfile.filter((n) => n > 0).sort((a, b) => b - a);
    const share = buyers.length / dataset.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.35);
    const total = buyers.reduce((a, b) => a + b, 0);
    const top = buyers.slice(0, Math.ceil(buyers.length * 0.05)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.2); // 4× their head count
  });

  it("keeps every event inside the window and first/last seen on its bounds", () => {
    const start = now.getTime() - 90 * DAY_MS;
    for (const p of dataset) {
      expect(p.events.length).toBeGreaterThan(0);
      const times = p.events.map((e) => e.occurredAt.getTime());
      expect(Math.min(...times)).toBe(p.firstSeenAt.getTime());
      expect(Math.max(...times)).toBe(p.lastSeenAt.getTime());
      expect(p.firstSeenAt.getTime()).toBeGreaterThanOrEqual(start);
      expect(p.lastSeenAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it("gives unique message ids, profile ids and identity values", () => {
    expect(new Set(allEvents.map((e) => e.messageId)).size).toBe(allEvents.length);
    expect(new Set(dataset.map((p) => p.id)).size).toBe(dataset.length);
    const identities = dataset.flatMap((p) => p.identities.map((i) => `${i.type}:${i.value}`));
    expect(new Set(identities).size).toBe(identities.length);
  });

  it("gives every profile an anonymous id, most a user id and email, and consistent places", () => {
    const signedUp = dataset.filter((p) => p.identities.some((i) => i.type === "user_id"));
    expect(dataset.every((p) => p.identities.some((i) => i.type === "anonymous_id"))).toBe(true);
    expect(signedUp.length / dataset.length).toBeGreaterThan(0.5);
    for (const p of signedUp) {
      expect(p.identities.find((i) => i.type === "email")?.value).toBe(p.traits.email);
      expect(["none", "silver", "gold", "platinum"]).toContain(p.traits.loyalty_tier);
    }
    const noTier = signedUp.filter((p) => p.traits.loyalty_tier === "none").length;
    expect(noTier / signedUp.length).toBeGreaterThan(0.5);
    for (const p of dataset)
      expect(COUNTRIES.find((c) => c.code === p.traits.country)?.cities).toContain(p.traits.city);
  });

  it("writes orders with revenue equal to their products' total", () => {
    const orders = allEvents.filter((e) => e.name === "Order Completed");
    for (const order of orders.slice(0, 500)) {
      const products = order.properties.products as { price: number; quantity: number }[];
      const total = products.reduce((sum, p) => sum + p.price * p.quantity, 0);
      expect(order.properties.revenue).toBeCloseTo(total, 2);
      expect(order.properties.currency).toBe("USD");
    }
    expect(new Set(orders.map((o) => o.properties.order_id)).size).toBe(orders.length);
  });
});

describe("the seed clock", () => {
  afterEach(() => vi.useRealTimers());
  /** The default data set (no `now` given) generated as if run at `time`. */
  const seededAt = (time: string) => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(time) });
    const profiles = [...generateProfiles({ profiles: 200, days: 30, seed: 42 })];
    vi.useRealTimers();
    return profiles;
  };

  it("gives the same profiles and events (ids and timestamps) at any hour of one UTC day", () => {
    const early = seededAt("2026-11-20T00:20:00.000Z");
    const late = seededAt("2026-11-20T23:45:00.000Z");
    expect(early.flatMap((p) => p.events)).not.toHaveLength(0);
    expect(JSON.stringify(late)).toBe(JSON.stringify(early));
    expect(JSON.stringify(seededAt("2026-11-21T00:20:00.000Z"))).not.toBe(JSON.stringify(early));
  });

  it("ends the history as the day begins: nothing in the future, a full last day of activity", () => {
    const dayStart = Date.parse("2026-11-20T00:00:00.000Z");
    expect(seedClock(new Date("2026-11-20T17:31:12.345Z")).getTime()).toBe(dayStart);
    const times = seededAt("2026-11-20T17:31:12.345Z").flatMap((p) => p.events.map((e) => e.occurredAt.getTime()));
    expect(Math.max(...times)).toBeLessThanOrEqual(dayStart);
    expect(times.filter((t) => t > dayStart - DAY_MS).length).toBeGreaterThan(20);
  });
});

describe("catalog and ids", () => {
  it("has 200 products in 8 categories with positive prices", () => {
    const catalog = buildCatalog();
    expect(catalog).toHaveLength(200);
    expect(new Set(catalog.map((p) => p.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(catalog.map((p) => p.id)).size).toBe(200);
    expect(catalog.every((p) => p.price > 0)).toBe(true);
  });

  it("derives stable, distinct cuid-like ids", () => {
    const ids = Array.from({ length: 20_000 }, (_, n) => idFrom("profile", n, 42));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^c[0-9a-z]{24}$/.test(id))).toBe(true);
    expect(idFrom("profile", 5, 42)).toBe(ids[5]);
    expect(idFrom("profile", 5, 43)).not.toBe(ids[5]);
  });
});
