import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone, storedIdentityValue } from "./normalize";

describe("identity normalization", () => {
  it("trims and lower-cases emails", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
  });

  it("brings phones to E.164 or refuses them", () => {
    expect(normalizePhone("+1 (415) 555-0100")).toBe("+14155550100");
    expect(normalizePhone("0044 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("555-0100")).toBeNull();
    expect(normalizePhone("+0123456789")).toBeNull();
  });

  it("stores personal values hashed with the workspace salt, others as given", () => {
    const a = storedIdentityValue("email", "Ada@Example.com", "salt-a");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(storedIdentityValue("email", " ada@example.com", "salt-a")).toBe(a);
    expect(storedIdentityValue("email", "ada@example.com", "salt-b")).not.toBe(a);
    expect(storedIdentityValue("user_id", " u-42 ", "salt-a")).toBe("u-42");
    expect(storedIdentityValue("phone", "12", "salt-a")).toBeNull();
    expect(storedIdentityValue("anonymous_id", "   ", "salt-a")).toBeNull();
  });
});
