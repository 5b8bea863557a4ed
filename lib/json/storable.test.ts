import { describe, expect, it } from "vitest";
import { mayHoldUnstorable, nestedDeeperThan, NUL_MESSAGE, SURROGATE_MESSAGE, unstorablePath } from "./storable";

describe("text Postgres cannot store, in JSON input", () => {
  it("finds the first string or key holding U+0000 or an unpaired surrogate, with its path and reason", () => {
    expect(unstorablePath({ a: "fine", b: [1, "x", { c: "y\u0000z" }] })).toEqual({
      path: ["b", 2, "c"],
      message: NUL_MESSAGE,
    });
    expect(unstorablePath({ ok: 1, "bad\u0000key": 2 })).toEqual({ path: ["bad\u0000key"], message: NUL_MESSAGE });
    expect(unstorablePath("\u0000")).toEqual({ path: [], message: NUL_MESSAGE });
    expect(unstorablePath({ first: "\ud800", second: "\u0000" })).toEqual({
      path: ["first"],
      message: SURROGATE_MESSAGE,
    });
    expect(unstorablePath({ low: ["x\udc00"] })).toEqual({ path: ["low", 0], message: SURROGATE_MESSAGE });
    expect(unstorablePath({ "\udbff": 1 })).toEqual({ path: ["\udbff"], message: SURROGATE_MESSAGE });
  });

  it("finds nothing in storable values: the six characters \\u0000 written out, paired surrogates (emoji)", () => {
    expect(unstorablePath({ a: "\\u0000", b: [null, true, 3.5, { c: "" }], emoji: "\ud83d\ude00 😀" })).toBeNull();
    expect(unstorablePath(null)).toBeNull();
  });

  it("looks further only when the JSON text may hold either", () => {
    expect(mayHoldUnstorable(JSON.stringify({ a: "x\u0000" }))).toBe(true);
    expect(mayHoldUnstorable(JSON.stringify({ a: "x\ud800" }))).toBe(true); // JSON.stringify escapes an unpaired surrogate
    expect(mayHoldUnstorable('{"a":"\\uD83D\\uDE00"}')).toBe(true); // an escaped emoji: a false alarm that unstorablePath clears
    expect(mayHoldUnstorable(JSON.stringify({ a: "x\\u0000" }))).toBe(true);
    expect(mayHoldUnstorable(JSON.stringify({ a: "x 😀 \\u00e9" }))).toBe(false);
  });

  it("tells JSON nested deeper than a limit, not counting brackets inside strings", () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    expect(nestedDeeperThan(nested(64), 64)).toBe(false);
    expect(nestedDeeperThan(nested(65), 64)).toBe(true);
    expect(nestedDeeperThan(`{"a":{"b":[1,{"c":"}}}]]"}]}}`, 4)).toBe(false); // depth 4: the brackets in the string do not count
    expect(nestedDeeperThan(`{"a":{"b":[1,{"c":{}}]}}`, 4)).toBe(true);
    expect(nestedDeeperThan(`{"q":"say \\"[[[\\" and \\\\","d":[[]]}`, 3)).toBe(false); // escaped quotes and backslashes inside a string
    expect(nestedDeeperThan(`{"q":"\\\\","d":[[[]]]}`, 3)).toBe(true); // a string ending in an escaped backslash ends there
    expect(nestedDeeperThan("", 1)).toBe(false);
  });
});
