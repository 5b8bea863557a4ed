import { CLICK_EVENT } from "@/lib/analytics/content";
import ncdf from "@stdlib/stats-base-dists-normal-cdf";
import nquantile from "@stdlib/stats-base-dists-normal-quantile";
import { describe, expect, it } from "vitest";
import { deviceOf } from "@/lib/decide/request";
import { chooseArm, inHoldout } from "@/lib/experiments/assign";
import { DAY_MS } from "@/lib/time";
import { demoContent } from "./content";
import { demoExperiments, EXPERIMENT_DAYS } from "./experiments";
import { generateProfiles, type SeedProfile } from "./generate";
import { idFrom } from "./random";
import { SITE_URL } from "./traffic";

/**
 * The true effects as prisma/seed/README.md documents them (written out here, not imported, so that the
 * documentation and the generator are held to each other): each arm's multiplier of a checkout's completion.
 */
const DOCUMENTED: Record<string, Record<string, number>> = {
  "home-hero-headline": { control: 1, "free-shipping": 1.1 },
  "cart-nudge-aa": { a: 1, b: 1 },
  "service-promises": {
    "sale.shipping": 1,
    "sale.delivery": 1.25,
    "returns.shipping": 1.28,
    "returns.delivery": 1.28 * 1.25 * 0.42,
  },
};
const BASE_COMPLETION = 0.7;
/** Chi-square critical values at p = 0.001 for 1 and 3 degrees of freedom (NIST/SEMATECH e-Handbook, table 1.3.6.7.4). */
const CHI2_0_001: Record<number, number> = { 1: 10.828, 3: 16.266 };

const SEED = 42;
const now = new Date("2026-11-20T00:00:00.000Z");
const workspaceId = idFrom("workspace", 0, SEED);
const experiments = demoExperiments(SEED, demoContent(SEED));
const armOf = new Map(
  experiments.flatMap((e) => e.variations.map((v, position) => [v.id, { experiment: e, key: v.key, position }])),
);
const anonymousId = (p: SeedProfile) => p.identities.find((i) => i.type === "anonymous_id")!.value;
const hasAccount = (p: SeedProfile) => p.identities.some((i) => i.type === "user_id");
const generate = (profiles: number, decisions: boolean) => [
  ...generateProfiles({
    profiles,
    days: 30,
    seed: SEED,
    now,
    chunkSize: 500,
    decisions: decisions ? { workspaceId, since: new Date(0) } : undefined,
  }),
];

// 30 days of 6,000 shoppers, every one of them inside the experiments' history
const dataset = generate(6_000, true);

// the default demo (index.ts: 5,000 profiles, 90 days, seed 42), its experiments in the last 30 days as demo.ts seeds them
const demo = [
  ...generateProfiles({
    profiles: 5_000,
    days: 90,
    seed: SEED,
    now,
    chunkSize: 500,
    decisions: { workspaceId, since: new Date(now.getTime() - EXPERIMENT_DAYS * DAY_MS) },
  }),
];

/** Every checkout of an account holder with the arms its visitor had been exposed to before it, and whether it completed. */
function checkouts(profiles: readonly SeedProfile[]) {
  const rows: { at: number; arms: { experiment: string; variation: string; at: number }[]; completed: boolean }[] = [];
  for (const p of profiles) {
    if (!hasAccount(p)) continue;
    const arms = p.assignments.map((a) => {
      const arm = armOf.get(a.variationId)!;
      return { experiment: arm.experiment.key, variation: arm.key, at: a.assignedAt.getTime() };
    });
    p.events.forEach((e, i) => {
      if (e.name !== "Checkout Started") return;
      const at = e.occurredAt.getTime();
      // an order is the checkout's next event (sessions.ts)
      rows.push({ at, arms: arms.filter((a) => a.at <= at), completed: p.events[i + 1]?.name === "Order Completed" });
    });
  }
  return rows;
}

/**
 * What an experiment's Purchase goal should find, in expectation: per arm, its units and the share of all the
 * experiment's units that would buy within 7 days of their first exposure were they in that arm, from each unit's
 * own checkouts in that window (which do not depend on the arm) with the documented multipliers.
 */
function expectedPurchase(profiles: readonly SeedProfile[], experimentKey: string) {
  const keys = Object.keys(DOCUMENTED[experimentKey]!);
  const units = new Map(keys.map((k) => [k, 0]));
  const buyers = new Map(keys.map((k) => [k, 0]));
  let total = 0;
  for (const p of profiles) {
    const arm = p.assignments
      .map((a) => ({ a, arm: armOf.get(a.variationId)! }))
      .find((x) => x.arm.experiment.key === experimentKey);
    if (!arm) continue;
    total++;
    units.set(arm.arm.key, units.get(arm.arm.key)! + 1);
    if (!hasAccount(p)) continue;
    const t0 = arm.a.assignedAt.getTime();
    const rows = checkouts([p]).filter((r) => r.at >= t0 && r.at < t0 + 7 * DAY_MS);
    for (const key of keys) {
      let miss = 1;
      for (const r of rows) {
        const others = r.arms.filter((o) => o.experiment !== experimentKey);
        const q = others.reduce((x, o) => x * DOCUMENTED[o.experiment]![o.variation]!, BASE_COMPLETION);
        miss *= 1 - q * DOCUMENTED[experimentKey]![key]!;
      }
      buyers.set(key, buyers.get(key)! + 1 - miss);
    }
  }
  return new Map(keys.map((k) => [k, { units: units.get(k)!, rate: buyers.get(k)! / total }]));
}

/**
 * What an experiment's Revenue goal (the sum of `revenue` within 7 days of the first exposure) should find, in
 * expectation, uncapped and winsorized at a percentile: each unit's checkouts in its window complete independently
 * with the documented probabilities, so its revenue has an exact distribution (atoms merged by value) under each arm;
 * the cap is that percentile of the mixture of every unit's distribution in the arm it is in (the population value
 * of the cap lib/results computes over the units), and an arm's capped mean is the average of E[min(S, cap)] over
 * all the experiment's units were they in that arm.
 */
function expectedRevenue(profiles: readonly SeedProfile[], experimentKey: string, capPercentile: number) {
  const keys = Object.keys(DOCUMENTED[experimentKey]!);
  const units: { arm: string; dists: Map<string, Map<number, number>> }[] = [];
  for (const p of profiles) {
    const arm = p.assignments
      .map((a) => ({ a, arm: armOf.get(a.variationId)! }))
      .find((x) => x.arm.experiment.key === experimentKey);
    if (!arm) continue;
    const t0 = arm.a.assignedAt.getTime();
    const rows = hasAccount(p) ? checkouts([p]).filter((r) => r.at >= t0 && r.at < t0 + 7 * DAY_MS) : [];
    const values = hasAccount(p)
      ? p.events
          .filter((e) => e.name === "Checkout Started")
          .map((e) => ({ at: e.occurredAt.getTime(), value: Number(e.properties.value) }))
          .filter((e) => e.at >= t0 && e.at < t0 + 7 * DAY_MS)
      : [];
    const dists = new Map<string, Map<number, number>>();
    for (const key of keys) {
      let dist = new Map([[0, 1]]);
      rows.forEach((r, i) => {
        const others = r.arms.filter((o) => o.experiment !== experimentKey);
        const q = others.reduce((x, o) => x * DOCUMENTED[o.experiment]![o.variation]!, BASE_COMPLETION);
        const done = q * DOCUMENTED[experimentKey]![key]!;
        const next = new Map<number, number>();
        const add = (v: number, pr: number) => next.set(v, (next.get(v) ?? 0) + pr);
        for (const [v, pr] of dist) {
          add(v, pr * (1 - done));
          add(Math.round((v + values[i]!.value) * 100) / 100, pr * done);
        }
        dist = next;
      });
      dists.set(key, dist);
    }
    units.push({ arm: arm.arm.key, dists });
  }
  const pooled = units
    .flatMap((u) => [...u.dists.get(u.arm)!].map(([v, pr]) => ({ v, w: pr / units.length })))
    .sort((a, b) => a.v - b.v);
  let mass = 0;
  const cap = pooled.find((a) => (mass += a.w) >= capPercentile)!.v;
  const mean = (key: string, f: (v: number) => number) =>
    units.reduce((m, u) => m + [...u.dists.get(key)!].reduce((x, [v, pr]) => x + pr * f(v), 0), 0) / units.length;
  return {
    cap,
    byArm: new Map(keys.map((k) => [k, { uncapped: mean(k, (v) => v), capped: mean(k, (v) => Math.min(v, cap)) }])),
  };
}

describe("the demo experiments' history", () => {
  it("puts each visitor in the arm the live engine hashes it to, at its first exposure, and the holdout in none", () => {
    let assigned = 0;
    for (const p of dataset) {
      const unit = anonymousId(p);
      const held = inHoldout(workspaceId, unit, 0.05);
      if (held) expect(p.assignments).toEqual([]);
      expect(p.exposures.every((e) => e.holdout === held)).toBe(true);
      for (const a of p.assignments) {
        const { experiment, position } = armOf.get(a.variationId)!;
        const choice = chooseArm(
          { key: experiment.key, seed: experiment.key, coverage: 1, weights: experiment.variations.map(() => 1) },
          unit,
        );
        expect(choice).toMatchObject({ enrolled: true, variation: position });
        const exposed = p.exposures.filter((e) => e.experimentId === experiment.id);
        expect(Math.min(...exposed.map((e) => e.occurredAt.getTime()))).toBe(a.assignedAt.getTime());
        expect(exposed.every((e) => e.variationId === a.variationId)).toBe(true);
        assigned++;
      }
      expect(new Set(p.assignments.map((a) => armOf.get(a.variationId)!.experiment.id)).size).toBe(
        p.assignments.length,
      );
    }
    expect(assigned).toBeGreaterThan(6_000);
    // the holdout's share of visitors: 5 % within 4 standard errors
    const held = dataset.filter((p) => inHoldout(workspaceId, anonymousId(p), 0.05)).length;
    expect(Math.abs(held - 0.05 * dataset.length)).toBeLessThan(4 * Math.sqrt(dataset.length * 0.05 * 0.95));
    expect(dataset.flatMap((p) => p.exposures).some((e) => e.holdout && e.experimentId === null)).toBe(true);
  });

  it("keeps with each assignment the device and country its visitor's events carry, and whether an earlier visit had begun", () => {
    const returning = { true: 0, false: 0 };
    const devices = new Set<string | null>();
    for (const p of dataset) {
      // a visit begins with a landing page (its referrer is not one of the store's pages), visits in time order
      let visit = -1;
      const visitOf = p.events.map((e) => {
        if (e.type === "page" && !String(e.properties.referrer).startsWith(SITE_URL)) visit++;
        return visit;
      });
      for (const a of p.assignments) {
        const at = p.events.findIndex((e) => e.type === "page" && e.occurredAt.getTime() === a.assignedAt.getTime());
        expect(at).toBeGreaterThanOrEqual(0);
        const page = p.events[at]!;
        expect(a.device).toBe(deviceOf(page.context.userAgent as string));
        expect(a.country).toBe(p.traits.country);
        expect(a.returning).toBe(visitOf[at]! > 0);
        returning[`${a.returning}`]++;
        devices.add(a.device);
      }
    }
    expect(devices).toEqual(new Set(["mobile", "tablet", "desktop"]));
    expect(returning.true).toBeGreaterThan(500);
    expect(returning.false).toBeGreaterThan(500);
  });

  it.each(experiments.map((e) => [e.key, e] as const))(
    "splits %s's units evenly between its arms (chi-square p > 0.001)",
    (_, e) => {
      const counts = e.variations.map(
        (v) => dataset.flatMap((p) => p.assignments).filter((a) => a.variationId === v.id).length,
      );
      const n = counts.reduce((a, b) => a + b, 0);
      expect(n).toBeGreaterThan(300);
      const expected = n / counts.length;
      const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
      expect(chi2).toBeLessThan(CHI2_0_001[counts.length - 1]!);
    },
  );

  it.each(experiments.map((e) => [e.key, e] as const))(
    "completes %s's checkouts after a first exposure at the documented rate of each arm (within 4 standard errors)",
    (_, e) => {
      const rows = checkouts(dataset);
      for (const v of e.variations) {
        // the checkouts after a first exposure to this arm, each with its documented probability (all arms seen before it)
        const mine = rows.filter((r) => r.arms.some((a) => a.experiment === e.key && a.variation === v.key));
        const p = mine.map((r) =>
          r.arms.reduce((q, a) => q * DOCUMENTED[a.experiment]![a.variation]!, BASE_COMPLETION),
        );
        const expected = p.reduce((a, b) => a + b, 0);
        const se = Math.sqrt(p.reduce((s, q) => s + q * (1 - q), 0));
        const completed = mine.filter((r) => r.completed).length;
        expect(mine.length, `${e.key}/${v.key}: checkouts`).toBeGreaterThan(100);
        expect(
          Math.abs(completed - expected),
          `${e.key}/${v.key}: ${completed} completed, ${expected.toFixed(0)} expected`,
        ).toBeLessThan(4 * se);
      }
    },
  );

  it("completes the checkouts of visitors in no experiment (and before a first exposure) at the base rate", () => {
    const rows = checkouts(dataset).filter((r) => r.arms.length === 0);
    const completed = rows.filter((r) => r.completed).length;
    const se = Math.sqrt(rows.length * BASE_COMPLETION * (1 - BASE_COMPLETION));
    expect(Math.abs(completed - rows.length * BASE_COMPLETION)).toBeLessThan(4 * se);
  });

  it("leaves every event before a visitor's first exposure to an experiment as it was without experiments", () => {
    const without = generate(600, false);
    // (clicks on decided placements exist only where decisions are made: clicks.ts)
    const sessions = (q: SeedProfile) => q.events.filter((e) => e.name !== CLICK_EVENT);
    generate(600, true).forEach((p, i) => {
      const first = Math.min(...p.assignments.map((a) => a.assignedAt.getTime()));
      const before = (q: SeedProfile) => sessions(q).filter((e) => e.occurredAt.getTime() <= first);
      expect(JSON.stringify(before(p))).toBe(JSON.stringify(before(without[i]!)));
      if (p.assignments.length === 0) expect(JSON.stringify(sessions(p))).toBe(JSON.stringify(without[i]!.events));
    });
  });

  it("gives the same history for the same seed", () => {
    const a = generate(200, true);
    expect(a.flatMap((p) => p.exposures).length).toBeGreaterThan(1_000);
    expect(JSON.stringify(generate(200, true))).toBe(JSON.stringify(a));
  });

  it("leaves the A/B test's revenue per order (its ratio goal) where it was, within 4 standard errors (delta method)", () => {
    // per unit: revenue and orders within 7 days of its first exposure; per arm: Σ revenue / Σ orders
    const perArm = new Map<string, { revenue: number; orders: number }[]>();
    for (const p of dataset)
      for (const a of p.assignments) {
        const arm = armOf.get(a.variationId)!;
        if (arm.experiment.key !== "home-hero-headline") continue;
        const t0 = a.assignedAt.getTime();
        const orders = p.events.filter(
          (e) =>
            e.name === "Order Completed" && e.occurredAt.getTime() >= t0 && e.occurredAt.getTime() < t0 + 7 * DAY_MS,
        );
        const units = perArm.get(arm.key) ?? [];
        units.push({
          revenue: orders.reduce((sum, e) => sum + Number(e.properties.revenue), 0),
          orders: orders.length,
        });
        perArm.set(arm.key, units);
      }
    const ratio = (units: { revenue: number; orders: number }[]) => {
      const n = units.length;
      const mean = (f: (u: (typeof units)[number]) => number) => units.reduce((s, u) => s + f(u), 0) / n;
      const [r, o] = [mean((u) => u.revenue), mean((u) => u.orders)];
      const value = r / o;
      const variance =
        (mean((u) => (u.revenue - r) ** 2) -
          2 * value * mean((u) => (u.revenue - r) * (u.orders - o)) +
          value ** 2 * mean((u) => (u.orders - o) ** 2)) /
        (n * o ** 2);
      return { value, variance, orders: units.reduce((s, u) => s + u.orders, 0) };
    };
    const control = ratio(perArm.get("control")!);
    const treated = ratio(perArm.get("free-shipping")!);
    expect(Math.min(control.orders, treated.orders)).toBeGreaterThan(100);
    expect(Math.abs(treated.value - control.value)).toBeLessThan(4 * Math.sqrt(control.variance + treated.variance));
  });
});

describe("what the default demo's results should find (README.md, True effects)", () => {
  const rate = (e: Map<string, { rate: number }>, key: string) => e.get(key)!.rate;

  it("keeps every checkout's completion a probability: 0.70 × the largest multiplier of each experiment is at most 1", () => {
    const worst = Object.values(DOCUMENTED).reduce((q, arms) => q * Math.max(...Object.values(arms)), BASE_COMPLETION);
    expect(worst).toBeCloseTo(0.7 * 1.1 * 1.28, 10);
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("lifts the share of the A/B test's units who buy within 7 days of their first exposure by about 8 %", () => {
    const e = expectedPurchase(demo, "home-hero-headline");
    expect(rate(e, "control")).toBeCloseTo(0.0826, 3);
    expect(rate(e, "free-shipping") / rate(e, "control") - 1).toBeCloseTo(0.081, 3);
  });

  it("lifts the A/B test's revenue per unit by 10 % uncapped, and by less once capped at the 99th percentile", () => {
    const { cap, byArm } = expectedRevenue(demo, "home-hero-headline", 0.99);
    const [control, treated] = [byArm.get("control")!, byArm.get("free-shipping")!];
    expect(treated.uncapped / control.uncapped - 1).toBeCloseTo(0.1, 10);
    expect(control.uncapped).toBeCloseTo(14.55, 2);
    // the cap at the 99th percentile is one large order; below it the lift shrinks, since capping cuts
    // the treatment's larger totals (more completed checkouts) more than the control's
    expect(cap).toBeCloseTo(344.95, 2);
    expect(control.capped).toBeCloseTo(11.04, 2);
    expect(treated.capped / control.capped - 1).toBeCloseTo(0.089, 3);
  });

  it("gives the A/A test's arms the same share of buyers", () => {
    const e = expectedPurchase(demo, "cart-nudge-aa");
    expect(rate(e, "a")).toBeCloseTo(0.469, 3);
    expect(rate(e, "b")).toBe(rate(e, "a"));
  });

  it("gives the 2 × 2 test an interaction on Purchase that its results detect with at least 90 % power", () => {
    const e = expectedPurchase(demo, "service-promises");
    const cell = (key: string) => e.get(key)!;
    const [control, delivery, returns, both] = [
      cell("sale.shipping"),
      cell("sale.delivery"),
      cell("returns.shipping"),
      cell("returns.delivery"),
    ] as const;
    expect(control.rate).toBeCloseTo(0.46, 3);
    expect(delivery.rate / control.rate - 1).toBeCloseTo(0.198, 3);
    expect(returns.rate / control.rate - 1).toBeCloseTo(0.221, 3);
    expect(both.rate / control.rate - 1).toBeCloseTo(-0.282, 3);
    // the interaction μ₁₁ − μ₁₀ − μ₀₁ + μ₀₀ on the absolute scale (lib/stats/factorial.ts), its SE from each cell's
    // binary variance μ(1 − μ) at the cell's units, and the power of its two-sided test at α = 0.05 (normal)
    const interaction = both.rate - returns.rate - delivery.rate + control.rate;
    expect(interaction).toBeCloseTo(-0.322, 3);
    const se = Math.sqrt([control, delivery, returns, both].reduce((v, c) => v + (c.rate * (1 - c.rate)) / c.units, 0));
    const z = Math.abs(interaction) / se;
    const zAlpha = nquantile(0.975, 0, 1);
    const power = ncdf(z - zAlpha, 0, 1) + ncdf(-z - zAlpha, 0, 1);
    expect(power).toBeGreaterThan(0.9);
  });
});
