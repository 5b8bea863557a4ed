import { describe, expect, it } from "vitest";
import { readResultsParams, withParams } from "./url-state";

const read = (qs: string) => readResultsParams(new URLSearchParams(qs));

describe("readResultsParams", () => {
  it("gives the defaults for an empty URL, and no engine (the experiment's own applies)", () => {
    const s = read("");
    expect(s.query).toMatchObject({ correction: "holm", alpha: 0.05, mde: 0.1 });
    expect(s.query.engine).toBeUndefined();
    expect(s.errors).toEqual({});
  });

  it("reads every control from the URL", () => {
    const s = read("engine=bayesian&correction=bh&alpha=0.01&mde=0.2&dimension=device");
    expect(s.query).toMatchObject({ engine: "bayesian", correction: "bh", alpha: 0.01, mde: 0.2, dimension: "device" });
    expect(s.errors).toEqual({});
  });

  it("leaves out what the schema refuses, keeps its raw value and says why, and uses the rest", () => {
    const s = read("engine=magic&alpha=0.5&mde=abc&correction=bh");
    expect(s.query).toMatchObject({ correction: "bh", alpha: 0.05, mde: 0.1 });
    expect(s.query.engine).toBeUndefined();
    expect(s.raw).toMatchObject({ engine: "magic", alpha: "0.5", mde: "abc" });
    expect(s.errors).toEqual({ engine: "Not one of the choices", alpha: "At most 0.2", mde: "Not a number" });
  });

  it("asks for the segment of a segment breakdown, and shows no breakdown meanwhile", () => {
    const s = read("dimension=segment");
    expect(s.errors.segmentId).toBe("Choose the segment to break down by");
    expect(s.query.dimension).toBeUndefined();
    expect(s.raw.dimension).toBe("segment");
    expect(read("dimension=segment&segmentId=s1").query).toMatchObject({ dimension: "segment", segmentId: "s1" });
  });

  it("ignores keys that are not controls", () => {
    expect(read("foo=bar&alpha=0.1").query.alpha).toBe(0.1);
  });
});

describe("withParams", () => {
  it("sets and removes keys and keeps the others", () => {
    const current = new URLSearchParams("engine=bayesian&alpha=0.01");
    expect(withParams(current, { alpha: null, dimension: "country" })).toBe("engine=bayesian&dimension=country");
    expect(withParams(current, { engine: "" })).toBe("alpha=0.01");
    expect(withParams(current, { mde: 0.05 })).toBe("engine=bayesian&alpha=0.01&mde=0.05");
  });
});
