import { describe, expect, it } from "vitest";
import { hasRole } from "./roles";

describe("hasRole", () => {
  it("orders roles viewer < editor < admin", () => {
    expect(hasRole("admin", "admin")).toBe(true);
    expect(hasRole("admin", "viewer")).toBe(true);
    expect(hasRole("editor", "editor")).toBe(true);
    expect(hasRole("editor", "admin")).toBe(false);
    expect(hasRole("viewer", "editor")).toBe(false);
    expect(hasRole("viewer", "viewer")).toBe(true);
  });
});
