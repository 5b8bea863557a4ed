import { describe, expect, it } from "vitest";
import { goalInputSchema } from "@/lib/experiments/schema";

const revenuePerOrder = {
  name: "Revenue per order",
  eventName: "Order Completed",
  kind: "ratio",
  valueProperty: "revenue",
};

/** The issues of a refused input as `path: message` lines. */
const issuesOf = (input: object) => {
  const parsed = goalInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("goalInputSchema", () => {
  it("takes a ratio goal with its value property and a cap, and no cap by default", () => {
    expect(goalInputSchema.parse({ ...revenuePerOrder, capPercentile: 0.99 })).toMatchObject({
      kind: "ratio",
      valueProperty: "revenue",
      capPercentile: 0.99,
    });
    expect(goalInputSchema.parse(revenuePerOrder).capPercentile).toBeNull();
    expect(goalInputSchema.parse({ ...revenuePerOrder, kind: "sum", capPercentile: 0.9999 }).capPercentile).toBe(
      0.9999,
    );
  });

  it("asks a ratio goal, like a sum goal, for the property to add up", () => {
    expect(issuesOf({ ...revenuePerOrder, valueProperty: null })).toEqual([
      "valueProperty: A ratio goal needs the property to add up",
    ]);
    expect(issuesOf({ ...revenuePerOrder, kind: "sum", valueProperty: "" })).toEqual([
      "valueProperty: A sum goal needs the property to add up",
    ]);
  });

  it("refuses a cap on a conversion or count goal, and one outside 0.9 to 0.9999, at capPercentile", () => {
    expect(issuesOf({ ...revenuePerOrder, kind: "conversion", capPercentile: 0.99 })).toEqual([
      "capPercentile: Only sum and ratio goals can cap outliers (this is a conversion goal)",
    ]);
    expect(issuesOf({ ...revenuePerOrder, kind: "count", capPercentile: 0.99 })).toEqual([
      "capPercentile: Only sum and ratio goals can cap outliers (this is a count goal)",
    ]);
    expect(issuesOf({ ...revenuePerOrder, capPercentile: 0.5 })).toEqual([
      "capPercentile: Cap at the 90th percentile or above",
    ]);
    expect(issuesOf({ ...revenuePerOrder, capPercentile: 1 })).toEqual([
      "capPercentile: Cap at the 99.99th percentile or below",
    ]);
    expect(issuesOf({ ...revenuePerOrder, kind: "conversion", capPercentile: null })).toEqual([]);
  });
});
