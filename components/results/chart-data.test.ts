import { describe, expect, it } from "vitest";
import { banditRows, cumulativeSeries, forestPoints, labelLines, latestChances, liftScale } from "./chart-data";
import { arm, metric } from "./fixtures";

describe("forestPoints", () => {
  it("gives each treatment's lift and interval, without the control or what cannot be computed", () => {
    const m = metric();
    m.arms.push(arm({ variationId: "v2", name: "Empty", effect: { computable: false, reason: "No units" } }));
    expect(forestPoints(m)).toEqual([
      {
        variationId: "v1",
        name: "Free shipping",
        lift: 0.081,
        low: 0.023,
        high: 0.139,
        range: [0.023, 0.139],
        tone: "better",
      },
    ]);
  });
});

describe("liftScale", () => {
  it("holds every value and zero on round ticks, zero among them", () => {
    expect(liftScale([0.02, 0.14])).toEqual({ domain: [0, 0.15], ticks: [0, 0.05, 0.1, 0.15] });
    expect(liftScale([-0.823, 0.626])).toEqual({ domain: [-1, 1], ticks: [-1, -0.5, 0, 0.5, 1] });
    const { ticks } = liftScale([-2.116, 2.516]);
    expect(ticks).toContain(0);
    expect(ticks[0]).toBeLessThanOrEqual(-2.116);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(2.516);
    expect(liftScale([]).ticks).toContain(0);
    expect(liftScale([0.1, 0.3]).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe("labelLines", () => {
  it("wraps a long label into lines and cuts what does not fit", () => {
    expect(labelLines("Free shipping this week", 30, 2)).toEqual(["Free shipping this week"]);
    expect(labelLines("Announcement bar: Free returns · Product page banner: Next-day delivery", 28, 2)).toEqual([
      "Announcement bar: Free",
      "returns · Product page\u2026",
    ]);
    expect(labelLines("Supercalifragilisticexpialidocious", 10, 2)).toEqual(["Supercali\u2026"]);
  });
});

describe("cumulativeSeries", () => {
  it("gives a line and a band per treatment, and breaks them on days without an estimate", () => {
    const m = metric({
      cumulative: [
        { day: "2026-11-01", byVariation: { v1: null } },
        { day: "2026-11-02", byVariation: { v1: { lift: 0.05, low: -0.1, high: 0.2 } } },
      ],
    });
    const { series, rows } = cumulativeSeries(m);
    expect(series).toEqual([
      { variationId: "v1", name: "Free shipping", index: 1, liftKey: "lift1", bandKey: "band1" },
    ]);
    expect(rows).toEqual([
      { day: "2026-11-01", lift1: null, band1: null },
      { day: "2026-11-02", lift1: 0.05, band1: [-0.1, 0.2] },
    ]);
  });
});

describe("bandit rows", () => {
  it("gives each variation's weight per update, and the latest chances computed", () => {
    const summary = {
      weights: { a: 0.3, b: 0.7 },
      history: [
        { at: "2026-11-01T00:00:00Z", weights: { a: 0.5, b: 0.5 }, chances: { a: 0.4, b: 0.6 } },
        { at: "2026-11-02T00:00:00Z", weights: { a: 0.3, b: 0.7 }, chances: null },
      ],
    };
    expect(banditRows(summary, ["a", "b"])).toEqual([
      { at: "2026-11-01T00:00:00Z", w0: 0.5, w1: 0.5 },
      { at: "2026-11-02T00:00:00Z", w0: 0.3, w1: 0.7 },
    ]);
    expect(latestChances(summary)).toEqual({ a: 0.4, b: 0.6 });
    expect(latestChances({ weights: {}, history: [] })).toBeNull();
  });
});
