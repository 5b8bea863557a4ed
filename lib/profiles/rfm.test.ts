import { describe, expect, it } from "vitest";
import { rfmScoresOf, rfmSegment } from "./rfm";

const label = (recency: number, frequency: number, monetary: number) =>
  rfmSegment({ recency, frequency, monetary }).label;

describe("rfmSegment", () => {
  it("names the corners of the grid", () => {
    expect(label(5, 5, 5)).toBe("Champion");
    expect(label(4, 4, 5)).toBe("Champion");
    expect(label(1, 1, 1)).toBe("Hibernating");
    expect(label(5, 1, 1)).toBe("Promising");
    expect(label(1, 5, 5)).toBe("At risk, high value");
  });

  it("names the middle", () => {
    expect(label(3, 3, 3)).toBe("Loyal");
    expect(label(5, 3, 3)).toBe("Loyal");
    expect(label(2, 3, 3)).toBe("At risk");
    expect(label(3, 1, 2)).toBe("Needs attention");
    expect(label(2, 2, 2)).toBe("Hibernating");
  });

  it("labels every possible score", () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) expect(label(r, f, m)).toMatch(/\w/);
  });
});

describe("rfmScoresOf", () => {
  it("needs all three scores", () => {
    expect(rfmScoresOf({ rfmRecency: 5, rfmFrequency: 4, rfmMonetary: 3 })).toEqual({
      recency: 5,
      frequency: 4,
      monetary: 3,
    });
    expect(rfmScoresOf({ rfmRecency: 5, rfmFrequency: null, rfmMonetary: 3 })).toBeNull();
  });
});
