import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirectPath("/w/demo/segments?x=1")).toBe("/w/demo/segments?x=1");
  });
  it("refuses other sites and odd values", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      undefined,
      42,
    ]) {
      expect(safeRedirectPath(value)).toBe("/");
    }
  });
});
