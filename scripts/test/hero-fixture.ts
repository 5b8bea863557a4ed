import { runWorkspaceAction } from "@/lib/actions/action-client";
import { createPlacementDef } from "@/lib/content/actions/create-placement";
import { saveExperienceDef } from "@/lib/content/actions/save-experience";
import { handleBatch } from "@/lib/events/runtime/handlers";
import type { createTestWorkspace } from "./fixtures";

const PROS = {
  type: "group",
  id: "r",
  combinator: "and",
  children: [{ type: "trait", id: "t", key: "plan", valueType: "string", op: "equals", value: "pro" }],
};

/**
 * The decision tests' workspace content: two visitors (`pro-1`, also
 * `anon-pro`, named Pia, and `free-1`) and a `home-hero` placement (default
 * "<h1>Welcome</h1>") with one live experience for plan = pro
 * ("<h1>Hi {{ first_name }}, pro</h1>"), made as an editor would.
 */
export async function createHeroForPros(
  ws: Awaited<ReturnType<typeof createTestWorkspace>>,
): Promise<{ editor: string; placementId: string; experienceId: string }> {
  const editor = ws.member("editor").userId;
  await handleBatch(
    { ...ws.workspace, storePlainPii: true },
    {
      batch: [
        { type: "identify", userId: "pro-1", anonymousId: "anon-pro", traits: { plan: "pro", first_name: "Pia" } },
        { type: "identify", userId: "free-1", traits: { plan: "free" } },
      ],
    },
  );
  const placement = await runWorkspaceAction(createPlacementDef, editor, {
    workspaceId: ws.workspace.id,
    key: "home-hero",
    name: "Hero",
    contentType: "html",
    defaultBody: "<h1>Welcome</h1>",
  });
  if (!placement.ok) throw new Error(placement.error.message);
  const experience = await runWorkspaceAction(saveExperienceDef, editor, {
    workspaceId: ws.workspace.id,
    placementId: placement.data.placementId,
    name: "Pros",
    target: { kind: "rule", rule: PROS },
    status: "live",
    schedule: { timeZone: "UTC" },
    body: "<h1>Hi {{ first_name }}, pro</h1>",
  });
  if (!experience.ok) throw new Error(experience.error.message);
  return { editor, placementId: placement.data.placementId, experienceId: experience.data.experienceId };
}
