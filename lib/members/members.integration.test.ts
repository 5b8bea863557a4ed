import { describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/actions/action-client";
import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { createTestWorkspace } from "@/scripts/test/fixtures";
import { acceptInvitation } from "./actions/accept-invitation";
import { changeRoleDef } from "./actions/change-role";
import { inviteMemberDef } from "./actions/invite";
import { removeMemberDef } from "./actions/remove";

describe("members", () => {
  it("never leaves a workspace without an admin", async () => {
    const { workspace, member } = await createTestWorkspace("Solo", ["admin", "editor"]);
    const admin = member("admin");
    const demote = await runWorkspaceAction(changeRoleDef, admin.userId, {
      workspaceId: workspace.id,
      membershipId: admin.membershipId,
      role: "editor",
    });
    expect(demote).toMatchObject({ ok: false, error: { code: "conflict" } });
    const remove = await runWorkspaceAction(removeMemberDef, admin.userId, {
      workspaceId: workspace.id,
      membershipId: admin.membershipId,
    });
    expect(remove).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await db.membership.findUnique({ where: { id: admin.membershipId } })).toMatchObject({ role: "admin" });

    const promote = await runWorkspaceAction(changeRoleDef, admin.userId, {
      workspaceId: workspace.id,
      membershipId: member("editor").membershipId,
      role: "admin",
    });
    expect(promote.ok).toBe(true);
    const removeNow = await runWorkspaceAction(removeMemberDef, admin.userId, {
      workspaceId: workspace.id,
      membershipId: admin.membershipId,
    });
    expect(removeNow.ok).toBe(true);
  });

  it("invites by email; the link creates the account and membership once", async () => {
    const { workspace, member } = await createTestWorkspace("Invites", ["admin"]);
    const invited = await runWorkspaceAction(inviteMemberDef, member("admin").userId, {
      workspaceId: workspace.id,
      email: " New.Person@Test.Example ",
      role: "editor",
    });
    expect(invited.ok).toBe(true);
    if (!invited.ok) return;
    const token = invited.data.invitePath.split("/").pop() ?? "";
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invited.data.invitationId } });
    expect(stored.email).toBe("new.person@test.example");
    expect(stored.tokenHash).not.toContain(token);

    expect(await acceptInvitation({ token, password: "long-enough-1" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { name: ["Enter your name"] } },
    });
    const accepted = await acceptInvitation({ token, name: "New Person", password: "long-enough-1" });
    expect(accepted).toMatchObject({
      ok: true,
      data: { email: "new.person@test.example", workspaceSlug: workspace.slug },
    });
    const user = await verifyCredentials({ email: "new.person@test.example", password: "long-enough-1" });
    expect(user).not.toBeNull();
    expect(await db.membership.findFirst({ where: { workspaceId: workspace.id, userId: user?.id } })).toMatchObject({
      role: "editor",
    });
    expect(await acceptInvitation({ token, name: "Again", password: "long-enough-1" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });

  it("refuses to invite someone who is already a member", async () => {
    const { workspace, member } = await createTestWorkspace("Dupes", ["admin", "viewer"]);
    const result = await runWorkspaceAction(inviteMemberDef, member("admin").userId, {
      workspaceId: workspace.id,
      email: member("viewer").email,
      role: "editor",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "conflict", fieldErrors: { email: ["Already a member of this workspace"] } },
    });
  });
});
