import { describe, expect, it } from "vitest";
import { newPasswordSchema } from "./schema";

describe("newPasswordSchema", () => {
  it("asks for at least 8 characters", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    expect(newPasswordSchema.safeParse("longer-1").success).toBe(true);
  });

  it("refuses more than the 72 bytes bcrypt reads, counting bytes, not letters", () => {
    expect(newPasswordSchema.safeParse("a".repeat(72)).success).toBe(true);
    expect(newPasswordSchema.safeParse("a".repeat(73)).success).toBe(false);
    // 36 letters of two bytes each is 72 bytes; one more is too many
    expect(newPasswordSchema.safeParse("é".repeat(36)).success).toBe(true);
    const tooLong = newPasswordSchema.safeParse("é".repeat(37));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toMatch(/at most 72 bytes/);
  });
});
