import { describe, expect, it } from "vitest";
import { goalInputSchema } from "@/lib/experiments/schema";
import { demoGoalLinks, demoGoals } from "./goals";

describe("the demo goals", () => {
  it("are what the goals page would save, Revenue per order a ratio goal of revenue over Order Completed", () => {
    for (const { id, ...goal } of demoGoals(42)) {
      expect(id).toMatch(/^c[0-9a-z]{24}$/);
      expect(goalInputSchema.parse(goal)).toEqual(goal);
    }
    expect(demoGoals(42).map((g) => [g.name, g.kind, g.valueProperty, g.capPercentile])).toEqual([
      ["Purchase", "conversion", null, null],
      ["Revenue", "sum", "revenue", null],
      ["Revenue per order", "ratio", "revenue", null],
    ]);
  });

  it("give every experiment Purchase as primary and Revenue as secondary goal, and the A/B test Revenue per order", () => {
    const name = new Map(demoGoals(42).map((g) => [g.id, g.name]));
    const links = (key: string) => demoGoalLinks(42, key).map((l) => [name.get(l.goalId), l.role]);
    expect(links("home-hero-headline")).toEqual([
      ["Purchase", "primary"],
      ["Revenue", "secondary"],
      ["Revenue per order", "secondary"],
    ]);
    for (const key of ["cart-nudge-aa", "service-promises"])
      expect(links(key)).toEqual([
        ["Purchase", "primary"],
        ["Revenue", "secondary"],
      ]);
  });
});
