import { describe, expect, it } from "vitest";
import { factorialEffects, type FactorialCell } from "./factorial";
import { mulberry32, normalSampler } from "./random";

/** Draws n normal units into a cell's sufficient statistics. */
function simulateCell(levels: number[], mean: number, sd: number, n: number, draw: (m: number, s: number) => number) {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw(mean, sd);
    sum += x;
    sumSquares += x * x;
  }
  return { levels, stats: { n, sum, sumSquares } };
}

/** A 2×2 with μ₀₀ = 10, A adds 1, B adds 0.5, and the interaction adds `interaction` to μ₁₁. */
function simulate2x2(seed: number, interaction: number, n = 200, sd = 2): FactorialCell[] {
  const draw = normalSampler(mulberry32(seed));
  const mean = (a: number, b: number) => 10 + a + 0.5 * b + interaction * a * b;
  return [0, 1].flatMap((a) => [0, 1].map((b) => simulateCell([a, b], mean(a, b), sd, n, draw)));
}

describe("factorialEffects — 2×2", () => {
  it("estimates the known main effects and interaction, with intervals covering them", () => {
    const result = factorialEffects(simulate2x2(11, 1))!;
    const [a, b] = result.mainEffects;
    const [ab] = result.interactions;
    // True effects: A = ½[(11 − 10) + (12.5 − 10.5)] = 1.5, B = ½[0.5 + 1.5] = 1, interaction 1.
    for (const [e, truth] of [
      [a!, 1.5],
      [b!, 1],
      [ab!, 1],
    ] as const) {
      expect(e.interval[0]).toBeLessThan(truth);
      expect(e.interval[1]).toBeGreaterThan(truth);
    }
    expect(ab!.factors).toEqual([0, 1]);
    // SE of the interaction contrast: √(4 · σ²/n) = √(4·4/200).
    expect(ab!.standardError).toBeCloseTo(Math.sqrt(16 / 200), 1);
  });

  it("detects a large interaction and keeps a null one near α over 200 seeded replications", () => {
    const reps = 200;
    let falsePositives = 0;
    let detected = 0;
    let covered = 0;
    for (let seed = 1; seed <= reps; seed++) {
      const nul = factorialEffects(simulate2x2(seed, 0))!;
      if (nul.interactions[0]!.pValue < 0.05) falsePositives++;
      const [lo, hi] = nul.mainEffects[0]!.interval;
      if (lo < 1 && hi > 1) covered++;
      if (factorialEffects(simulate2x2(seed + 10_000, 1.5))!.interactions[0]!.pValue < 0.05) detected++;
    }
    const mcError = Math.sqrt((0.05 * 0.95) / reps);
    expect(Math.abs(falsePositives / reps - 0.05)).toBeLessThan(3 * mcError);
    expect(Math.abs(covered / reps - 0.95)).toBeLessThan(3 * mcError);
    // 1.5 / SE 0.283 ≈ 5.3 SE: power ≈ 1.
    expect(detected / reps).toBeGreaterThan(0.97);
  });
});

describe("factorialEffects — k factors, L levels", () => {
  // A 2×3×2 with exact cell means μ = 1 + 2a + [0, 1, 3][b] + c + 4·[a=1, b=2]: contrasts give
  // A = 2 + 4/3 (the interaction averaged over B), B level 2 = 3 + 4/2, A×B at (1, 2) = 4, others 0.
  const cells: FactorialCell[] = [];
  for (const a of [0, 1])
    for (const b of [0, 1, 2])
      for (const c of [0, 1]) {
        const mean = 1 + 2 * a + [0, 1, 3][b]! + c + (a === 1 && b === 2 ? 4 : 0);
        // Two units at mean ± 1: mean exact, sample variance 2.
        cells.push({ levels: [a, b, c], stats: { n: 2, sum: 2 * mean, sumSquares: 2 * mean * mean + 2 } });
      }

  it("generalizes contrasts to every level and factor pair", () => {
    const r = factorialEffects(cells)!;
    const byKey = (list: typeof r.mainEffects) =>
      Object.fromEntries(list.map((e) => [`${e.factors.join("")}:${e.levels.join("")}`, e.effect]));
    const main = byKey(r.mainEffects);
    expect(main["0:1"]).toBeCloseTo(2 + 4 / 3, 12);
    expect(main["1:1"]).toBeCloseTo(1, 12);
    expect(main["1:2"]).toBeCloseTo(3 + 2, 12);
    expect(main["2:1"]).toBeCloseTo(1, 12);
    const inter = byKey(r.interactions);
    expect(Object.keys(inter).sort()).toEqual(["01:11", "01:12", "02:11", "12:11", "12:21"]);
    expect(inter["01:12"]).toBeCloseTo(4, 12);
    expect(inter["01:11"]).toBeCloseTo(0, 12);
    expect(inter["12:21"]).toBeCloseTo(0, 12);
  });

  it("refuses an incomplete or degenerate design", () => {
    expect(factorialEffects(cells.slice(1))).toBeNull();
    expect(factorialEffects([...cells.slice(1), cells[1]!])).toBeNull();
    const flat = cells.map((c) => ({ ...c, stats: { n: 2, sum: 2, sumSquares: 2 } }));
    expect(factorialEffects(flat)).toBeNull();
  });
});
