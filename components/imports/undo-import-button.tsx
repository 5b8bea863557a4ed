"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/actions/use-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { undoImport } from "@/lib/imports/actions";

const plural = (n: number | undefined, one: string, many: string) =>
  `${(n ?? 0).toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Undoes an import after asking: what it created is removed, what it changed restored; the toast says how much. */
export function UndoImportButton({
  workspaceId,
  job,
}: {
  workspaceId: string;
  job: { id: string; fileName: string; importedRows: number };
}) {
  const router = useRouter();
  const undo = useAction(undoImport, {
    success: (d) =>
      `“${job.fileName}” undone: ${plural(d.events, "event", "events")} and ${plural(d.removed, "profile", "profiles")} removed, ${plural(d.restored, "profile", "profiles")} restored`,
    onSuccess: () => router.refresh(),
  });
  return (
    <ConfirmButton
      label="Undo"
      title={`Undo “${job.fileName}”?`}
      description="The profiles and events this import created are removed, and the traits, consent and identities it changed go back to what they were (changes made since by your store are kept). Recorded in the audit log."
      pending={undo.pending}
      onConfirm={() => undo.run({ workspaceId, jobId: job.id })}
    />
  );
}
