import { describe, expect, it } from "vitest";
import { hashIdentityValue } from "@/lib/identity/normalize";
import { describeIdentities } from "./identities";

describe("describeIdentities", () => {
  it("shows a hashed identity's plain value only when the trait hashes to it", () => {
    const salt = "s";
    const mine = hashIdentityValue(salt, "ada@example.com");
    const other = hashIdentityValue(salt, "old@example.com");
    const createdAt = new Date();
    const views = describeIdentities(
      [
        { id: "1", type: "email", value: mine, createdAt },
        { id: "2", type: "email", value: other, createdAt },
        { id: "3", type: "user_id", value: "u_1", createdAt },
      ],
      { email: "Ada@Example.com" },
      salt,
    );
    expect(views.map((v) => [v.label, v.value, v.plain])).toEqual([
      ["email (hashed)", `${mine.slice(0, 8)}…`, "Ada@Example.com"],
      ["email (hashed)", `${other.slice(0, 8)}…`, null],
      ["user id", "u_1", null],
    ]);
  });
});
