import { describe, expect, it } from "vitest";
import { profileFigures } from "./summary";

describe("profileFigures", () => {
  it("derives average order value and days since the last order", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    expect(profileFigures({ orders: 4, revenue: 200, lastOrderAt: new Date("2026-03-01T13:00:00Z") }, now)).toEqual({
      averageOrderValue: 50,
      daysSinceLastOrder: 8,
    });
    expect(profileFigures({ orders: 0, revenue: 0, lastOrderAt: null }, now)).toEqual({
      averageOrderValue: null,
      daysSinceLastOrder: null,
    });
  });
});
