import { describe, expect, it } from "vitest";
import { arrayLiteral, copyField, copyText } from "./copy-rows";

describe("COPY text", () => {
  it("escapes exactly backslash, tab, newline and carriage return", () => {
    expect(copyField("plain id-123")).toBe("plain id-123");
    expect(copyField("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyField("\\N")).toBe("\\\\N"); // a literal \N stays text, not null
  });

  it("writes one line per row, tab-separated, with \\N for null and numbers as digits", () => {
    expect(
      copyText([
        ["w1", null, "anon\tid", 3],
        ["w2", "p", null, 1],
      ]),
    ).toBe("w1\t\\N\tanon\\tid\t3\nw2\tp\t\\N\t1\n");
    expect(copyText([])).toBe("");
  });

  it("writes arrays in Postgres' array syntax, every element quoted, then escaped for COPY", () => {
    expect(arrayLiteral([])).toBe("{}");
    expect(arrayLiteral(["a", "NULL", "b c"])).toBe('{"a","NULL","b c"}'); // quoted: NULL stays a string
    expect(arrayLiteral(['say "hi"', "back\\slash"])).toBe('{"say \\"hi\\"","back\\\\slash"}');
    expect(copyText([[["x\ty", "z"]]])).toBe('{"x\\ty","z"}\n');
    expect(copyText([[['q"\\']]])).toBe('{"q\\\\"\\\\\\\\"}\n'); // {"q\"\\"}, each backslash doubled for COPY
  });
});
