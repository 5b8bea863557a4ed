import { describe, expect, it } from "vitest";
import { breakdownInputSchema, breakdownRows, MAX_BREAKDOWN_ROWS } from "./breakdown";

const counts = (visitors: number, orders = 0) => ({
  visitors,
  identified: 0,
  buyers: orders,
  orders,
  revenue: orders * 10,
});

describe("breakdown rows", () => {
  it("orders values by visitors and adds up those past the limit as one row", () => {
    const values = Array.from({ length: MAX_BREAKDOWN_ROWS + 3 }, (_, i) => ({
      value: `v${i}`,
      label: `v${i}`,
      counts: counts(100 - i, 1),
    }));
    const rows = breakdownRows("source", [...values].reverse());
    expect(rows).toHaveLength(MAX_BREAKDOWN_ROWS + 1);
    expect(rows[0]!.value).toBe("v0");
    expect(rows.at(-1)).toMatchObject({
      value: "(other)",
      label: "(3 other values)",
      figures: { visitors: 80 + 79 + 78, orders: 3, revenue: 30, conversionRate: 3 / 237 },
    });
  });

  it("keeps segments in the order chosen, and asks for them when comparing segments", () => {
    const rows = breakdownRows("segment", [
      { value: "b", label: "B", counts: counts(1) },
      { value: "a", label: "A", counts: counts(5) },
    ]);
    expect(rows.map((r) => r.value)).toEqual(["b", "a"]);
    expect(breakdownInputSchema.safeParse({ by: "segment" }).error?.issues[0]).toMatchObject({
      path: ["segmentIds"],
      message: "Choose the segments to compare",
    });
    expect(breakdownInputSchema.parse({})).toEqual({ by: "source", segmentIds: [] });
  });
});
