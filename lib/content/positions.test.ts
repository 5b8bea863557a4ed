import { describe, expect, it } from "vitest";
import { positionAt, positionsIn } from "./positions";

describe("positionsIn", () => {
  it("agrees with positionAt at every offset, before and past the end", () => {
    for (const source of ["", "a", "\n", "ab\nc\n\nde", "\n\nx\n", "one\r\ntwo\nthree"]) {
      const at = positionsIn(source);
      for (let offset = -1; offset <= source.length + 1; offset++) {
        expect(at(offset), `${JSON.stringify(source)} at ${offset}`).toEqual(positionAt(source, offset));
      }
    }
  });
});
