import { describe, expect, it } from "vitest";
import { mayHoldNul, nulPath } from "./nul";

describe("U+0000 in JSON input", () => {
  it("finds the first string or key holding it, with its path", () => {
    expect(nulPath({ a: "fine", b: [1, "x", { c: "y\u0000z" }] })).toEqual(["b", 2, "c"]);
    expect(nulPath({ ok: 1, "bad\u0000key": 2 })).toEqual(["bad\u0000key"]);
    expect(nulPath("\u0000")).toEqual([]);
    expect(nulPath({ first: "\u0000", second: "\u0000" })).toEqual(["first"]);
  });

  it("finds nothing in values without it, including the six characters \\u0000 written out", () => {
    expect(nulPath({ a: "\\u0000", b: [null, true, 3.5, { c: "" }] })).toBeNull();
    expect(nulPath(null)).toBeNull();
  });

  it("looks further only when the JSON text may hold it", () => {
    expect(mayHoldNul(JSON.stringify({ a: "x\u0000" }))).toBe(true);
    expect(mayHoldNul(JSON.stringify({ a: "x\\u0000" }))).toBe(true); // a false alarm that nulPath clears
    expect(mayHoldNul(JSON.stringify({ a: "x" }))).toBe(false);
  });
});
