import { describe, expect, it } from "vitest";
import { freeSlice } from "./layer-slot";

describe("freeSlice", () => {
  it("takes the first gap wide enough, and none when the layer is full", () => {
    expect(freeSlice([], 0.5)).toEqual({ start: 0, end: 0.5 });
    expect(freeSlice([{ start: 0, end: 0.5 }], 0.5)).toEqual({ start: 0.5, end: 1 });
    expect(freeSlice([{ start: 0.3, end: 0.6 }], 0.3)).toEqual({ start: 0, end: 0.3 });
    expect(freeSlice([{ start: 0.2, end: 0.6 }], 0.3)).toEqual({ start: 0.6, end: 0.8999999999999999 });
    expect(
      freeSlice(
        [
          { start: 0, end: 0.5 },
          { start: 0.5, end: 1 },
        ],
        0.1,
      ),
    ).toBeNull();
    expect(freeSlice([{ start: 0.5, end: 1 }], 0.6)).toBeNull();
  });
});
