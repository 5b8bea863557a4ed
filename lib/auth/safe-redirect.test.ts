import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirectPath("/w/demo/segments?x=1")).toBe("/w/demo/segments?x=1");
    expect(safeRedirectPath("/w/demo/../demo/profiles#top")).toBe("/w/demo/profiles#top");
    expect(safeRedirectPath("/w/caf%C3%A9")).toBe("/w/caf%C3%A9");
  });
  it("refuses other sites and odd values", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\nSet-Cookie: x=1",
      "/\u0000",
      "/ /evil.example".replace(" ", "\t"),
      "x".repeat(501),
      "",
      undefined,
      42,
    ]) {
      expect(safeRedirectPath(value)).toBe("/");
    }
  });
});
