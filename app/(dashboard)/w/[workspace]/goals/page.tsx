import type { Metadata } from "next";
import { GoalsView } from "@/components/goals/goals-view";
import { listGoals } from "@/lib/goals/db/list-goals";
import { loadSegmentCatalog } from "@/lib/segments/db/load-segment-catalog";
import { requireWorkspace } from "@/lib/workspaces/runtime/require-workspace";

export const metadata: Metadata = { title: "Goals" };

export default async function GoalsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const [goals, catalog] = await Promise.all([
    listGoals(workspace.id),
    can.edit ? loadSegmentCatalog(workspace.id) : null, // the form's event and property suggestions
  ]);
  return <GoalsView workspaceId={workspace.id} goals={goals} events={catalog?.events ?? []} canEdit={can.edit} />;
}
