import { describe, expect, it } from "vitest";
import { holmBonferroni } from "@/lib/stats/corrections";
import { analyzeExperiment, type AnalysisInput, type ExperimentDesign } from "./analyze-experiment";
import type { GoalDesign } from "./analyze-metric";
import { conversions, correlated, metricSumsOf, mulberry32, type SimUnit } from "./testing/simulate";
import type { ArmEffect, ResultsSettings } from "./types";

const SETTINGS: ResultsSettings = {
  engine: "frequentist",
  alpha: 0.05,
  correction: "holm",
  mde: 0.1,
  tuningParameter: 5000,
};

const arm = (id: string, isControl = false, weight = 1, levels: number[] | null = null) => ({
  variationId: id,
  key: id,
  name: id.toUpperCase(),
  isControl,
  weight,
  levels,
});

const design = (over: Partial<ExperimentDesign> = {}): ExperimentDesign => ({
  id: "exp",
  key: "exp",
  name: "Exp",
  type: "ab",
  status: "running",
  phase: 1,
  bandit: false,
  cupedDays: 14,
  arms: [arm("a", true), arm("b")],
  factors: null,
  ...over,
});

const goal = (over: Partial<GoalDesign> = {}): GoalDesign => ({
  id: "purchase",
  name: "Purchase",
  role: "primary",
  kind: "conversion",
  eventName: "Order Completed",
  valueProperty: null,
  windowDays: 7,
  lowerIsBetter: false,
  ...over,
});

function run(arms: Record<string, SimUnit[]>, over: Partial<AnalysisInput> = {}, metricGoal = goal()) {
  const units = new Map(Object.entries(arms).map(([id, u]) => [id, u.length]));
  return analyzeExperiment({
    design: design(),
    metrics: [{ goal: metricGoal, sums: metricSumsOf(arms) }],
    units,
    unitsPerDay: 500,
    banditSummary: null,
    settings: SETTINGS,
    now: new Date("2026-12-01T00:00:00Z"),
    ...over,
  });
}

const effect = (e: ArmEffect | null | undefined) => {
  if (!e || !e.computable) throw new Error("not computable");
  return e;
};

describe("analyzeExperiment on seeded simulations with a known effect", () => {
  it("finds a true +20 % lift on conversions: its interval covers it, and the verdict is to roll B out", () => {
    const rng = mulberry32(7);
    const r = run({ a: conversions(rng, 20_000, 0.1), b: conversions(rng, 20_000, 0.12) });
    const b = effect(r.metrics[0]!.arms[1]!.effect);
    expect(b.interval[0]).toBeLessThan(0.2);
    expect(b.interval[1]).toBeGreaterThan(0.2);
    expect(b.direction).toBe("better");
    expect(r.recommendation.verdict).toBe("ship");
    expect(r.recommendation.winnerVariationId).toBe("b");
    expect(r.recommendation.text).toMatch(
      /^B beats the control on Purchase: \+\d+\.\d % \(95 % CI \+\d+\.\d % to \+\d+\.\d %\), no guardrail worse — roll out B\.$/,
    );
    expect(r.srm?.flagged).toBe(false);
  });

  it("A/A: with the units the MDE needs, no detectable difference in at least 95 % − 3 MC errors of 300 seeded runs", () => {
    let differences = 0;
    const runs = 300;
    for (let seed = 1; seed <= runs; seed++) {
      const rng = mulberry32(seed);
      // 30 % conversion; a 30 % MDE needs about 400 units per arm
      const r = run(
        { a: conversions(rng, 800, 0.3), b: conversions(rng, 800, 0.3) },
        { settings: { ...SETTINGS, mde: 0.3 } },
      );
      if (r.recommendation.verdict === "no_difference") continue;
      expect(["ship", "worse"]).toContain(r.recommendation.verdict);
      differences++;
    }
    const mcError = Math.sqrt((0.05 * 0.95) / runs);
    expect(differences / runs).toBeLessThanOrEqual(0.05 + 3 * mcError);
  });

  it("keeps running while fewer units than the MDE needs have come, with the days left at the recent traffic", () => {
    const rng = mulberry32(3);
    const r = run({ a: conversions(rng, 300, 0.1), b: conversions(rng, 300, 0.1) }, { unitsPerDay: 100 });
    expect(r.recommendation.verdict).toBe("keep_running");
    // about 14,700 units per arm for a 10 % lift on a 10 % rate: (2 × 14,700 − 600) / 100 a day ≈ 290 days
    expect(r.recommendation.daysRemaining).toBeGreaterThan(250);
    expect(r.recommendation.daysRemaining).toBeLessThan(330);
    expect(r.recommendation.text).toContain(
      `about ${r.recommendation.daysRemaining} more days at current traffic to detect a 10 % lift`,
    );
  });

  it("says so in words, with a thousands separator, when the MDE would take more than a year", () => {
    const rng = mulberry32(3);
    const r = run({ a: conversions(rng, 300, 0.1), b: conversions(rng, 300, 0.1) }, { unitsPerDay: 10 });
    expect(r.recommendation.verdict).toBe("keep_running");
    expect(r.recommendation.daysRemaining).toBeGreaterThan(2_500);
    expect(r.recommendation.text).toContain("more than a year at current traffic (about 2,");
  });

  it("flags a sample ratio mismatch before anything else (1000 vs 1200 at 50/50: p ≈ 2.0e-5)", () => {
    const rng = mulberry32(5);
    const r = run({ a: conversions(rng, 1000, 0.1), b: conversions(rng, 1200, 0.3) });
    expect(r.srm!.pValue).toBeCloseTo(0.000020079, 8);
    expect(r.srm!.flagged).toBe(true);
    expect(r.recommendation.verdict).toBe("srm");
  });

  it("does not recommend a winner that a guardrail says is worse", () => {
    const rng = mulberry32(11);
    const arms = { a: conversions(rng, 10_000, 0.1), b: conversions(rng, 10_000, 0.13) };
    // a guardrail where higher is better is worse when it falls
    const repeat = { a: conversions(rng, 10_000, 0.2), b: conversions(rng, 10_000, 0.16) };
    const r = analyzeExperiment({
      design: design(),
      metrics: [
        { goal: goal(), sums: metricSumsOf(arms) },
        { goal: goal({ id: "repeat", name: "Repeat purchase", role: "guardrail" }), sums: metricSumsOf(repeat) },
      ],
      units: new Map([
        ["a", 10_000],
        ["b", 10_000],
      ]),
      unitsPerDay: 1000,
      banditSummary: null,
      settings: SETTINGS,
      now: new Date(),
    });
    expect(r.recommendation.verdict).toBe("guardrail");
    expect(r.recommendation.text).toContain("worse on the guardrail Repeat purchase");
    expect(r.recommendation.winnerVariationId).toBeNull();
  });

  it("reads a guardrail where lower is better as worse when it rises, and as no harm when it falls", () => {
    const rng = mulberry32(17);
    const purchase = { a: conversions(rng, 10_000, 0.1), b: conversions(rng, 10_000, 0.13) };
    const refundsUp = { a: conversions(rng, 10_000, 0.05), b: conversions(rng, 10_000, 0.07) };
    const refundsDown = { a: conversions(rng, 10_000, 0.07), b: conversions(rng, 10_000, 0.05) };
    const refunds = goal({ id: "refund", name: "Refund", role: "guardrail", lowerIsBetter: true });
    const withRefunds = (sums: typeof refundsUp) =>
      run(purchase, {
        metrics: [
          { goal: goal(), sums: metricSumsOf(purchase) },
          { goal: refunds, sums: metricSumsOf(sums) },
        ],
      });
    const up = withRefunds(refundsUp);
    expect(effect(up.metrics[1]!.arms[1]!.effect)).toMatchObject({ direction: "worse" });
    expect(effect(up.metrics[1]!.arms[1]!.effect).lift).toBeGreaterThan(0);
    expect(up.metrics[1]!.lowerIsBetter).toBe(true);
    expect(up.recommendation.verdict).toBe("guardrail");
    expect(up.recommendation.text).toContain("worse on the guardrail Refund: +");
    const down = withRefunds(refundsDown);
    expect(effect(down.metrics[1]!.arms[1]!.effect)).toMatchObject({ direction: "better" });
    expect(down.recommendation.verdict).toBe("ship");
  });

  it("rolls out the arm that lowers a primary goal where lower is better, the lowest of two that do", () => {
    const rng = mulberry32(19);
    const tickets = goal({ id: "tickets", name: "Support ticket", lowerIsBetter: true });
    const three = design({ arms: [arm("a", true), arm("b"), arm("c")] });
    const arms = {
      a: conversions(rng, 20_000, 0.1),
      b: conversions(rng, 20_000, 0.085),
      c: conversions(rng, 20_000, 0.07),
    };
    const r = run(arms, { design: three }, tickets);
    const [b, c] = [effect(r.metrics[0]!.arms[1]!.effect), effect(r.metrics[0]!.arms[2]!.effect)];
    expect(b.direction).toBe("better");
    expect(c.direction).toBe("better");
    expect(c.interval[1]).toBeLessThan(b.interval[1]);
    expect(r.recommendation).toMatchObject({ verdict: "ship", winnerVariationId: "c" });
    expect(r.recommendation.text).toMatch(/^C beats the control on Support ticket: −\d+\.\d %/);
    // the same arms where higher is better: the same estimates, but both are worse, keep the control
    const higher = run(arms, { design: three });
    const cHigher = effect(higher.metrics[0]!.arms[2]!.effect);
    expect([cHigher.lift, ...cHigher.interval, cHigher.pValue]).toEqual([c.lift, ...c.interval, c.pValue]);
    expect(cHigher.direction).toBe("worse");
    expect(higher.recommendation.verdict).toBe("worse");
  });

  it("gives the Bayesian chance to win of a fall when lower is better", () => {
    const rng = mulberry32(23);
    const arms = { a: conversions(rng, 5_000, 0.1), b: conversions(rng, 5_000, 0.08) };
    const bayes = { settings: { ...SETTINGS, engine: "bayesian" as const } };
    const lower = effect(run(arms, bayes, goal({ lowerIsBetter: true })).metrics[0]!.arms[1]!.effect);
    const higher = effect(run(arms, bayes).metrics[0]!.arms[1]!.effect);
    expect(lower.chanceToWin! + higher.chanceToWin!).toBeCloseTo(1, 12);
    expect(lower.chanceToWin).toBeGreaterThan(0.99);
    expect(lower.direction).toBe("better");
    expect(higher.direction).toBe("worse");
    expect(lower.risk!.treatment).toBeCloseTo(higher.risk!.control, 12);
  });

  it("adjusts p-values across treatments × metrics by Holm, leaving guardrails raw", () => {
    const rng = mulberry32(13);
    const three = design({ arms: [arm("a", true), arm("b"), arm("c")] });
    const m1 = { a: conversions(rng, 3000, 0.1), b: conversions(rng, 3000, 0.115), c: conversions(rng, 3000, 0.1) };
    const m2 = { a: conversions(rng, 3000, 0.2), b: conversions(rng, 3000, 0.21), c: conversions(rng, 3000, 0.22) };
    const g = { a: conversions(rng, 3000, 0.05), b: conversions(rng, 3000, 0.05), c: conversions(rng, 3000, 0.06) };
    const r = analyzeExperiment({
      design: three,
      metrics: [
        { goal: goal(), sums: metricSumsOf(m1) },
        { goal: goal({ id: "m2", name: "Add to cart", role: "secondary" }), sums: metricSumsOf(m2) },
        { goal: goal({ id: "g", name: "Refund", role: "guardrail" }), sums: metricSumsOf(g) },
      ],
      units: new Map([
        ["a", 3000],
        ["b", 3000],
        ["c", 3000],
      ]),
      unitsPerDay: 100,
      banditSummary: null,
      settings: SETTINGS,
      now: new Date(),
    });
    const raw = r.metrics.slice(0, 2).flatMap((m) => m.arms.slice(1).map((a) => effect(a.effect).pValue!));
    const adjusted = r.metrics.slice(0, 2).flatMap((m) => m.arms.slice(1).map((a) => effect(a.effect).adjustedPValue!));
    expect(adjusted).toEqual(holmBonferroni(raw));
    for (const a of r.metrics[2]!.arms.slice(1)) expect(effect(a.effect).adjustedPValue).toBe(effect(a.effect).pValue);
    for (const m of r.metrics.slice(0, 2))
      for (const a of m.arms.slice(1))
        expect(effect(a.effect).significant).toBe(effect(a.effect).adjustedPValue! < 0.05);
  });

  it("draws the cumulative lift over days of first exposure, ending at the table's lift and interval", () => {
    const rng = mulberry32(17);
    const r = run({ a: conversions(rng, 5000, 0.1), b: conversions(rng, 5000, 0.11) });
    const m = r.metrics[0]!;
    expect(m.cumulative).toHaveLength(14);
    const last = m.cumulative.at(-1)!.byVariation.b!;
    const b = effect(m.arms[1]!.effect);
    expect(last.lift).toBeCloseTo(b.lift, 12);
    expect(last.low).toBeCloseTo(b.interval[0], 12);
    // early days have fewer units, so wider intervals
    const first = m.cumulative[0]!.byVariation.b!;
    expect(first.high - first.low).toBeGreaterThan(last.high - last.low);
  });

  it("reads the same data by each engine: sequential wider than fixed-horizon, Bayesian with a chance to win and no p-value", () => {
    const rng = mulberry32(19);
    const arms = { a: conversions(rng, 4000, 0.1), b: conversions(rng, 4000, 0.11) };
    const width = (e: ArmEffect | null) => effect(e).interval[1] - effect(e).interval[0];
    const f = run(arms).metrics[0]!.arms[1]!.effect;
    const s = run(arms, { settings: { ...SETTINGS, engine: "sequential" } }).metrics[0]!.arms[1]!.effect;
    const b = run(arms, { settings: { ...SETTINGS, engine: "bayesian" } }).metrics[0]!.arms[1]!.effect;
    expect(width(s)).toBeGreaterThan(width(f));
    expect(effect(b).pValue).toBeNull();
    expect(effect(b).chanceToWin).toBeGreaterThan(0);
    expect(effect(b).chanceToWin).toBeLessThan(1);
    expect(effect(b).lift).toBeCloseTo(effect(f).lift, 12);
  });

  it("a bandit is always read by the Bayesian engine, without the split check", () => {
    const rng = mulberry32(23);
    const r = run(
      { a: conversions(rng, 500, 0.1), b: conversions(rng, 2500, 0.2) },
      { design: design({ bandit: true }) },
    );
    expect(r.settings.engine).toBe("bayesian");
    expect(r.srm).toBeNull();
    expect(effect(r.metrics[0]!.arms[1]!.effect).chanceToWin).toBeGreaterThan(0.99);
    expect(r.recommendation.verdict).toBe("ship");
  });

  it("CUPED with a correlated pre-period covariate narrows the interval and still covers the true effect", () => {
    const rng = mulberry32(29);
    const arms = { a: correlated(rng, 4000, 10, 4, 0.7, 10), b: correlated(rng, 4000, 10.5, 4, 0.7, 10) };
    const revenue = goal({ kind: "sum", valueProperty: "revenue", name: "Revenue" });
    const adjusted = run(arms, {}, revenue).metrics[0]!;
    const plain = run(arms, { design: design({ cupedDays: 0 }) }, revenue).metrics[0]!;
    expect(adjusted.cuped).toBe(true);
    expect(plain.cuped).toBe(false);
    const a = effect(adjusted.arms[1]!.effect);
    const p = effect(plain.arms[1]!.effect);
    // Var shrinks by about 1 − ρ² = 0.51
    expect((a.interval[1] - a.interval[0]) / (p.interval[1] - p.interval[0])).toBeLessThan(0.8);
    expect(a.interval[0]).toBeLessThan(0.05);
    expect(a.interval[1]).toBeGreaterThan(0.05);
    expect(a.theta).not.toBeNull();
  });

  it("a ratio goal's value is Σ numerator / Σ denominator", () => {
    const units = (n: number, orders: number, perOrder: number): SimUnit[] =>
      Array.from({ length: n }, (_, i) => ({ value: (i % 3) * perOrder, denominator: i % 3, day: "2026-11-01" }));
    const r = run(
      { a: units(300, 0, 50), b: units(300, 0, 60) },
      {},
      goal({ kind: "ratio", valueProperty: "revenue", name: "Revenue per order" }),
    );
    const [a, b] = r.metrics[0]!.arms;
    expect(a!.value).toBeCloseTo(50, 12);
    expect(b!.value).toBeCloseTo(60, 12);
    expect(r.metrics[0]!.valueLabel).toBe("revenue per Order Completed");
  });

  it("a 2 × 2 multivariate test: main effects and the interaction near their true values", () => {
    const rng = mulberry32(31);
    const p = [
      [0.1, 0.12],
      [0.13, 0.11],
    ]; // interaction on the absolute scale: 0.11 − 0.13 − 0.12 + 0.1 = −0.04
    const mvt = design({
      type: "multivariate",
      arms: [
        arm("c00", true, 1, [0, 0]),
        arm("c01", false, 1, [0, 1]),
        arm("c10", false, 1, [1, 0]),
        arm("c11", false, 1, [1, 1]),
      ],
      factors: [
        { key: "bar", name: "Bar", levels: ["Sale", "Returns"] },
        { key: "pdp", name: "Banner", levels: ["Shipping", "Delivery"] },
      ],
    });
    const arms = {
      c00: conversions(rng, 20_000, p[0]![0]!),
      c01: conversions(rng, 20_000, p[0]![1]!),
      c10: conversions(rng, 20_000, p[1]![0]!),
      c11: conversions(rng, 20_000, p[1]![1]!),
    };
    const r = run(arms, { design: mvt });
    const interaction = r.factorial!.effects.find((e) => e.kind === "interaction")!;
    expect(interaction.label).toBe("Bar: Returns × Banner: Delivery");
    expect(interaction.interval[0]).toBeLessThan(-0.04);
    expect(interaction.interval[1]).toBeGreaterThan(-0.04);
    expect(interaction.significant).toBe(true);
    const mainBar = r.factorial!.effects.find((e) => e.kind === "main" && e.label.startsWith("Bar"))!;
    // ½[(0.13 − 0.1) + (0.11 − 0.12)] = 0.01
    expect(mainBar.interval[0]).toBeLessThan(0.01);
    expect(mainBar.interval[1]).toBeGreaterThan(0.01);
  });

  it("says there is not enough data without units, and asks for a goal without one", () => {
    expect(run({ a: [], b: [] }).recommendation.verdict).toBe("not_enough_data");
    const none = analyzeExperiment({
      design: design(),
      metrics: [],
      units: new Map(),
      unitsPerDay: 0,
      banditSummary: null,
      settings: SETTINGS,
      now: new Date(),
    });
    expect(none.recommendation).toMatchObject({
      verdict: "not_enough_data",
      text: "Add a goal to this experiment to measure it.",
    });
  });
});
