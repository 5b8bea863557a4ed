import { z } from "zod";
import { workspaceAction } from "@/lib/actions/action-client";
import { ActionError } from "@/lib/actions/result";
import { db } from "@/lib/db/client";
import { publish } from "@/lib/signals/bus";
import { laterImportTouching, undoImportJournal, type UndoneImport } from "../db/undo-import";
import { undoRefusal } from "../journal";

/**
 * Undoes an import (editors, within 30 days, the latest import of the profiles it touched first): what it
 * created is removed and what it changed restored, from its journal, after the commit that claims it, in
 * batches; the audit log gets the request and, once done, what was undone. Segments and decisions refresh the
 * profiles and visitors it touched. A failure leaves the import undoable again (the undo is safe to repeat).
 */
export const undoImportDef = workspaceAction({
  name: "import.undo",
  role: "editor",
  input: z.object({ jobId: z.string().min(1).max(64) }),
  async handler(ctx, { jobId }) {
    const job = await ctx.db.importJob.findFirst({ where: { id: jobId, workspaceId: ctx.workspaceId } });
    if (!job) throw new ActionError("not_found", "That import does not exist");
    const refusal = undoRefusal(job, new Date());
    if (refusal) throw new ActionError("invalid_input", refusal);
    const later = await laterImportTouching(ctx.workspaceId, job.id, job.createdAt);
    if (later)
      throw new ActionError(
        "invalid_input",
        `Undo the later import “${later.file_name}” first: it changed the same profiles`,
      );
    const claimed = await ctx.db.importJob.updateMany({
      where: { id: job.id, status: "completed", undoneAt: null },
      data: { undoneAt: new Date() },
    });
    if (claimed.count === 0) throw new ActionError("conflict", "This import is being undone");
    ctx.audit({
      action: "import.undo",
      targetType: "import_job",
      targetId: job.id,
      before: { status: job.status },
      after: { status: "undoing", fileName: job.fileName },
    });
    const result: Partial<UndoneImport> & { fileName: string } = { fileName: job.fileName };
    ctx.afterCommit(async () => {
      try {
        const done = await undoImportJournal(ctx.workspaceId, job, ctx.userId);
        Object.assign(result, { events: done.events, removed: done.removed, restored: done.restored });
        publish("eventsStored", { workspaceId: ctx.workspaceId, profileIds: done.profileIds, visitors: done.visitors });
      } catch (error) {
        await releaseClaim(job.id);
        console.error("[import.undo]", error);
        throw new ActionError("internal", "The undo stopped before the end; nothing is lost, try again");
      }
    });
    return result;
  },
});

async function releaseClaim(jobId: string) {
  await db.importJob.updateMany({ where: { id: jobId, status: "completed" }, data: { undoneAt: null } });
}
