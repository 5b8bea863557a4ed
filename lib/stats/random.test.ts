import { describe, expect, it } from "vitest";
import { bernoulli, mulberry32, normalSampler } from "./random";

describe("mulberry32", () => {
  it("repeats its stream for a seed and differs across seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it("draws uniformly in [0, 1)", () => {
    const rng = mulberry32(7);
    const n = 100_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    // Mean of U(0, 1) is 1/2 with SD √(1/12n) ≈ 0.0009: 5 SD.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.0046);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });
});

describe("normalSampler", () => {
  it("gives mean and variance of the asked normal", () => {
    const draw = normalSampler(mulberry32(1));
    const n = 100_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const x = draw(3, 2);
      sum += x;
      sumSquares += x * x;
    }
    const mean = sum / n;
    const variance = sumSquares / n - mean * mean;
    // SE of the mean 2/√n ≈ 0.0063; of the variance ≈ 4·√(2/n) ≈ 0.018: 5 SE each.
    expect(Math.abs(mean - 3)).toBeLessThan(0.032);
    expect(Math.abs(variance - 4)).toBeLessThan(0.09);
  });

  it("puts 95 % of draws within ±1.96 SD", () => {
    const draw = normalSampler(mulberry32(2));
    const n = 50_000;
    let inside = 0;
    for (let i = 0; i < n; i++) if (Math.abs(draw()) < 1.959964) inside++;
    expect(Math.abs(inside / n - 0.95)).toBeLessThan(5 * Math.sqrt((0.95 * 0.05) / n));
  });
});

describe("bernoulli", () => {
  it("succeeds with probability p", () => {
    const rng = mulberry32(3);
    const n = 50_000;
    let hits = 0;
    for (let i = 0; i < n; i++) hits += bernoulli(rng, 0.1);
    expect(Math.abs(hits / n - 0.1)).toBeLessThan(5 * Math.sqrt((0.1 * 0.9) / n));
  });
});
