import { describe, expect, it } from "vitest";
import { columnText, columnsParam, DEFAULT_COLUMNS, traitText, type ProfileListRow } from "./columns";
import { profileListQuerySchema } from "./schema";

const row: ProfileListRow = {
  id: "p1",
  traits: { email: "a@example.com", orders: "shadowed", vip: true, tags: ["a", "b"] },
  sessions: 3,
  eventCount: 1234,
  orders: 2,
  revenue: 150.5,
  lastOrderAt: null,
  firstSeenAt: new Date("2026-01-02T03:04:00Z"),
  lastSeenAt: new Date("2026-01-05T03:04:00Z"),
  rfmRecency: 5,
  rfmFrequency: 4,
  rfmMonetary: 3,
};

describe("?cols= of the profiles list", () => {
  const cols = (value: unknown) => profileListQuerySchema.parse({ cols: value }).cols;

  it("keeps the chosen keys in order, once each", () => {
    expect(cols("email,country, orders,email")).toEqual(["email", "country", "orders"]);
    expect(cols("")).toEqual([]);
  });

  it("falls back to the defaults when absent or unusable", () => {
    expect(cols(undefined)).toEqual([...DEFAULT_COLUMNS]);
    expect(cols(["a", "b"])).toEqual([...DEFAULT_COLUMNS]);
    expect(cols(Array.from({ length: 21 }, (_, i) => `k${i}`).join(","))).toEqual([...DEFAULT_COLUMNS]);
    expect(cols("x".repeat(201))).toEqual([...DEFAULT_COLUMNS]);
  });

  it("writes no parameter for the default choice", () => {
    expect(columnsParam([...DEFAULT_COLUMNS])).toBeNull();
    expect(columnsParam(["orders", "email"])).toBe("orders,email");
    expect(columnsParam([])).toBe("");
  });
});

describe("columnText", () => {
  it("formats computed values, which win over a trait of the same name", () => {
    expect(columnText(row, "orders")).toBe("2");
    expect(columnText(row, "events")).toBe("1,234");
    expect(columnText(row, "revenue")).toBe("$151");
    expect(columnText(row, "rfm")).toBe("5-4-3");
    expect(columnText(row, "last_order")).toBe("");
  });

  it("shows traits as text, empty when missing", () => {
    expect(columnText(row, "email")).toBe("a@example.com");
    expect(columnText(row, "vip")).toBe("Yes");
    expect(columnText(row, "tags")).toBe('["a","b"]');
    expect(columnText(row, "country")).toBe("");
    expect(traitText({ long: "x".repeat(100) })).toHaveLength(80);
  });
});
