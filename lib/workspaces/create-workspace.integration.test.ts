import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { createWorkspaceWithAdmin, slugOf } from "./db/create-workspace";

afterAll(() => db.$disconnect());

describe("createWorkspaceWithAdmin", () => {
  it("makes a workspace and its first admin, with a free slug", async () => {
    const stamp = Date.now().toString(36);
    const first = await createWorkspaceWithAdmin({
      workspaceName: `Café Store ${stamp}`,
      email: `Owner-${stamp}@Example.com`,
      name: "Owner",
      password: "a long password",
    });
    expect(first).toEqual({ workspaceSlug: `cafe-store-${stamp}`, userCreated: true });
    const user = await db.user.findUniqueOrThrow({
      where: { email: `owner-${stamp}@example.com` },
      include: { memberships: { include: { workspace: true } } },
    });
    expect(await verifyPassword("a long password", user.passwordHash)).toBe(true);
    expect(user.memberships).toMatchObject([
      { role: "admin", workspace: { slug: `cafe-store-${stamp}`, isDemo: false } },
    ]);

    const second = await createWorkspaceWithAdmin({
      workspaceName: `Café Store ${stamp}`,
      email: `owner-${stamp}@example.com`,
      name: "Owner",
      password: "another password",
    });
    expect(second).toEqual({ workspaceSlug: `cafe-store-${stamp}-2`, userCreated: false });
    const again = await db.user.findUniqueOrThrow({ where: { email: `owner-${stamp}@example.com` } });
    expect(await verifyPassword("a long password", again.passwordHash)).toBe(true); // unchanged
  });

  it("makes slugs of names", () => {
    expect(slugOf("  Ünïcödé & Co. ")).toBe("unicode-co");
    expect(slugOf("!!!")).toBe("workspace");
  });
});
