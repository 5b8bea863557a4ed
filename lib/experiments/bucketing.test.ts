// GrowthBook's language-agnostic SDK test cases (spec 0.8.0, growthbook/growthbook packages/sdk-js/test/cases.json,
// MIT): ../shared/reference/growthbook-sdk-cases.json relative to the project root (see its README).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chooseVariation, getBucketRange, getEqualWeights, hash, inNamespace } from "./bucketing";

const CASES_FILE = path.resolve("..", "shared", "reference", "growthbook-sdk-cases.json");
if (!existsSync(CASES_FILE)) throw new Error(`GrowthBook's SDK test cases are missing: ${CASES_FILE}`);
const cases = JSON.parse(readFileSync(CASES_FILE, "utf8")) as {
  specVersion: string;
  hash: [string, string, number, number | null][];
  getBucketRange: [string, [number, number, number[] | null], [number, number][]][];
  chooseVariation: [string, number, [number, number][], number][];
  getEqualWeights: [number, number[]][];
  inNamespace: [string, string, [string, number, number], boolean][];
};

describe(`bucketing against GrowthBook's SDK cases (spec ${cases.specVersion})`, () => {
  it.each(cases.hash)("hash(%j, %j, version %j) = %j", (seed, value, version, expected) => {
    expect(hash(seed, value, version)).toBe(expected);
  });

  it.each(cases.getBucketRange)("getBucketRange: %s", (_name, [n, coverage, weights], expected) => {
    const ranges = getBucketRange(n, coverage, weights);
    expect(ranges).toHaveLength(expected.length);
    ranges.forEach(([start, end], i) => {
      expect(start).toBeCloseTo(expected[i]![0], 6);
      expect(end).toBeCloseTo(expected[i]![1], 6);
    });
  });

  it.each(cases.chooseVariation)("chooseVariation: %s", (_name, position, ranges, expected) => {
    expect(chooseVariation(position, ranges)).toBe(expected);
  });

  it.each(cases.getEqualWeights)("getEqualWeights(%j)", (n, expected) => {
    const weights = getEqualWeights(n);
    expect(weights).toHaveLength(expected.length);
    weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 8));
  });

  it.each(cases.inNamespace)("inNamespace: %s", (_name, unitId, namespace, expected) => {
    expect(inNamespace(unitId, namespace)).toBe(expected);
  });

  it("splits units by the weights: 20,000 ids over 20/30/50 land within 4 standard deviations of each share", () => {
    const counts = [0, 0, 0];
    const ranges = getBucketRange(3, 1, [0.2, 0.3, 0.5]);
    const n = 20_000;
    for (let i = 0; i < n; i++) counts[chooseVariation(hash("split-test", `visitor-${i}`, 2)!, ranges)]! += 1;
    [0.2, 0.3, 0.5].forEach((share, i) => {
      const sd = Math.sqrt(n * share * (1 - share)); // binomial
      expect(Math.abs(counts[i]! - n * share)).toBeLessThan(4 * sd);
    });
  });

  it("keeps a unit in its variation when coverage is lowered (so a ramp-down reassigns no one)", () => {
    for (let i = 0; i < 2_000; i++) {
      const position = hash("exp-key", `user-${i}`, 2)!;
      const full = chooseVariation(position, getBucketRange(3, 1, [0.2, 0.3, 0.5]));
      const reduced = chooseVariation(position, getBucketRange(3, 0.4, [0.2, 0.3, 0.5]));
      if (reduced !== -1) expect(reduced).toBe(full);
    }
  });
});
