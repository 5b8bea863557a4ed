import { describe, expect, it } from "vitest";
import { formatChange, formatFigure } from "./figure-format";

describe("the overview's figures in words", () => {
  it("formats counts, money and the conversion rate, and none as a dash", () => {
    expect(formatFigure("visitors", 12345)).toBe("12,345");
    expect(formatFigure("conversionRate", 0.0456)).toBe("4.56 %");
    expect(formatFigure("conversionRate", 0.456)).toBe("45.6 %");
    expect(formatFigure("averageOrderValue", null)).toBe("—");
    expect(formatFigure("revenue", 1234.5)).toBe("$1,235");
    expect(formatFigure("revenuePerVisitor", 3.125)).toBe("$3.13");
  });

  it("signs a change, with a true minus, and nothing without a comparison", () => {
    expect(formatChange(0.125)).toBe("+12.5 %");
    expect(formatChange(-0.03)).toBe("\u22123.0 %");
    expect(formatChange(0.0001)).toBe("0.0 %");
    expect(formatChange(null)).toBeNull();
  });
});
