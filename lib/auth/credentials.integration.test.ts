import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashPassword } from "./password";
import { verifyCredentials } from "./credentials";

const email = `demo-like-${Date.now()}@example.test`;
afterEach(() => {
  delete process.env.DEMO_MODE;
});
afterAll(() => db.$disconnect());

describe("verifyCredentials", () => {
  it("refuses a published demo password while demo mode is off, even for an account that has it", async () => {
    await db.user.create({ data: { email, name: "Left over", passwordHash: await hashPassword("demo-admin-1") } });
    process.env.DEMO_MODE = "on";
    expect(await verifyCredentials({ email, password: "demo-admin-1" })).toMatchObject({ email });
    process.env.DEMO_MODE = "off";
    expect(await verifyCredentials({ email, password: "demo-admin-1" })).toBeNull();
  });
});
