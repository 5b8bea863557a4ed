import { describe, expect, it } from "vitest";
import { hasMalformedSegment, malformedPathTarget } from "./malformed-path";

describe("hasMalformedSegment", () => {
  it("finds a segment that decodeURIComponent cannot decode", () => {
    for (const path of ["/demo-store/p/%ff", "/demo-store/c/%E2%82", "/demo-store/p/50%", "/demo-store/%zz/shoes"]) {
      expect(hasMalformedSegment(path), path).toBe(true);
      expect(() => path.split("/").map(decodeURIComponent)).toThrow(URIError);
    }
  });

  it("passes valid paths, encoded characters included", () => {
    for (const path of [
      "/demo-store",
      "/demo-store/",
      "/demo-store/c/shoes",
      "/demo-store/p/caf%C3%A9-1",
      "/demo-store/p/a%25b",
    ])
      expect(hasMalformedSegment(path), path).toBe(false);
  });
});

describe("malformedPathTarget", () => {
  it("sends storefront paths to the store's not-found page and the rest to the app's", () => {
    expect(malformedPathTarget("/demo-store/p/%ff")).toBe("/demo-store/missing");
    expect(malformedPathTarget("/demo-store")).toBe("/demo-store/missing");
    expect(malformedPathTarget("/w/%ff/segments")).toBe("/missing");
    expect(malformedPathTarget("/demo-storefront/%ff")).toBe("/missing");
  });
});
