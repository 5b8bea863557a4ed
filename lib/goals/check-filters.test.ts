import { describe, expect, it } from "vitest";
import { goalFilterErrors } from "./check-filters";

describe("goalFilterErrors", () => {
  it("asks for the operands each filter's operator needs, at the filter's field", () => {
    expect(
      goalFilterErrors([
        { property: "total", valueType: "number", op: "gte", value: 50 },
        { property: "total", valueType: "number", op: "gte" },
        { property: "tags", valueType: "string", op: "in", values: [] },
      ]),
    ).toEqual({ "filters.1.value": ["Enter a number"], "filters.2.values": ["Enter at least one value"] });
  });

  it("has nothing to say about complete filters", () => {
    expect(goalFilterErrors([{ property: "coupon", valueType: "string", op: "is_set" }])).toEqual({});
  });
});
