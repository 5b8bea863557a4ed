import { describe, expect, it } from "vitest";
import { profileDisplayName } from "./display";

describe("profileDisplayName", () => {
  it("names a profile by name, else email, else not at all", () => {
    expect(profileDisplayName({ first_name: "Ada", last_name: "Lovelace", email: "ada@example.com" })).toBe(
      "Ada Lovelace",
    );
    expect(profileDisplayName({ email: "ada@example.com" })).toBe("ada@example.com");
    expect(profileDisplayName({ city: "Paris" })).toBeNull();
  });
});
