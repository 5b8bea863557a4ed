import { describe, expect, it } from "vitest";
import { factorialCells } from "./cells";

const level = (key: string, name = key.toUpperCase()) => ({ key, name, variantId: null });

describe("factorialCells", () => {
  it("makes every combination once, the all-first-levels cell first", () => {
    const cells = factorialCells([
      { key: "headline", name: "Headline", placementId: "p1", levels: [level("short"), level("long")] },
      { key: "banner", name: "Banner", placementId: "p2", levels: [level("red"), level("blue"), level("green")] },
    ]);
    expect(cells).toHaveLength(6);
    expect(cells[0]).toEqual({
      key: "short.red",
      name: "Headline: SHORT · Banner: RED",
      levels: { headline: "short", banner: "red" },
    });
    expect(new Set(cells.map((c) => c.key)).size).toBe(6);
    expect(cells.filter((c) => c.levels.headline === "long")).toHaveLength(3);
    expect(cells.filter((c) => c.levels.banner === "green")).toHaveLength(2);
  });
});
