import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseArm, inHoldout, type BucketedExperiment } from "./assign";
import { freeSlice, type Slice } from "./layer-slot";

const ab: BucketedExperiment = { key: "home-hero-ab", coverage: 1, weights: [0.5, 0.5] };
const ids = (n: number, prefix = "u") => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/**
 * Pearson's chi-square statistic of observed counts against expected shares, and the critical values at
 * p = 0.001 (df 1, 2, 4: 10.828, 13.816, 18.467; NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.4).
 */
const chiSquare = (counts: number[], shares: number[], n: number) =>
  counts.reduce((sum, c, i) => sum + (c - n * shares[i]!) ** 2 / (n * shares[i]!), 0);
const CRITICAL_0_001: Record<number, number> = { 1: 10.828, 2: 13.816, 4: 18.467 };

describe("chooseArm", () => {
  it("is deterministic: the same unit gets the same arm, call after call", () => {
    for (const id of ids(500)) expect(chooseArm(ab, id)).toEqual(chooseArm(ab, id));
  });

  it.each([[[0.5, 0.5]], [[0.2, 0.3, 0.5]], [[0.2, 0.2, 0.2, 0.2, 0.2]]])(
    "splits 100,000 units by weights %j: chi-square p > 0.001",
    (weights) => {
      const n = 100_000;
      const counts = weights.map(() => 0);
      for (const id of ids(n, "visitor")) {
        const arm = chooseArm({ key: `uniform-${weights.length}`, coverage: 1, weights }, id);
        if (arm.enrolled) counts[arm.variation]! += 1;
      }
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
      expect(chiSquare(counts, weights, n)).toBeLessThan(CRITICAL_0_001[weights.length - 1]!);
    },
  );

  it("keeps a stored assignment when the weights change, and hashes only the units without one", () => {
    const before = { ...ab, weights: [0.5, 0.5] };
    const after = { ...ab, weights: [0.1, 0.9] };
    let moved = 0;
    for (const id of ids(2_000)) {
      const first = chooseArm(before, id);
      if (!first.enrolled) continue;
      expect(chooseArm(after, id, first.variation)).toEqual({
        enrolled: true,
        variation: first.variation,
        how: "sticky",
      });
      const fresh = chooseArm(after, id);
      if (fresh.enrolled && fresh.variation !== first.variation) moved += 1;
    }
    expect(moved).toBeGreaterThan(0); // without the stored assignment, some would have moved
  });

  it("keeps units in their arm when coverage goes down, and leaves the rest out", () => {
    const full = { ...ab, coverage: 1 };
    const half = { ...ab, coverage: 0.5 };
    let out = 0;
    for (const id of ids(4_000)) {
      const reduced = chooseArm(half, id);
      if (!reduced.enrolled) {
        expect(reduced.reason).toBe("outside_coverage");
        out += 1;
      } else expect(reduced).toEqual(chooseArm(full, id));
    }
    expect(out / 4_000).toBeGreaterThan(0.45);
    expect(out / 4_000).toBeLessThan(0.55);
  });

  it("never puts a unit in two experiments of one layer, whatever their shares (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 50, maxLength: 200 }),
        (raw, units) => {
          // slices as starting each experiment gives them: the first free one of its share
          const total = raw.reduce((a, b) => a + b, 0);
          const slices: Slice[] = [];
          for (const r of raw) {
            const slice = freeSlice(slices, r / total);
            if (slice) slices.push(slice);
          }
          const experiments = slices.map((slice, i) => ({
            key: `layered-${i}`,
            coverage: 1,
            weights: [0.5, 0.5],
            layer: { id: "checkout", ...slice },
          }));
          for (const unit of units)
            expect(experiments.filter((e) => chooseArm(e, unit).enrolled).length).toBeLessThanOrEqual(1);
        },
      ),
      { seed: 20261203, numRuns: 100 },
    );
  });
});

describe("inHoldout", () => {
  it("holds out about its share of units, the same ones every time, per workspace", () => {
    const held = ids(20_000).filter((id) => inHoldout("w1", id, 0.05));
    expect(held.length / 20_000).toBeGreaterThan(0.04);
    expect(held.length / 20_000).toBeLessThan(0.06);
    expect(ids(20_000).filter((id) => inHoldout("w1", id, 0.05))).toEqual(held);
    expect(ids(20_000).filter((id) => inHoldout("w2", id, 0.05))).not.toEqual(held);
    expect(ids(100).some((id) => inHoldout("w1", id, 0))).toBe(false);
  });

  it("is independent of an experiment's arms: the held-out units split like the rest", () => {
    const held = ids(40_000).filter((id) => inHoldout("w1", id, 0.1));
    const control = held.filter((id) => {
      const arm = chooseArm(ab, id);
      return arm.enrolled && arm.variation === 0;
    }).length;
    expect(chiSquare([control, held.length - control], [0.5, 0.5], held.length)).toBeLessThan(CRITICAL_0_001[1]!);
  });
});
