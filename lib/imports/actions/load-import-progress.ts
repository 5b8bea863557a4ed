import { z } from "zod";
import { db } from "@/lib/db/client";
import { workspaceQuery } from "@/lib/actions/query-client";

/** The caller's latest import started at or after `since`: what the progress bar polls while a file uploads. */
export const importProgressQueryDef = workspaceQuery({
  name: "import.progress",
  role: "editor",
  input: z.object({ since: z.iso.datetime() }),
  handler: ({ workspaceId, userId }, { since }) =>
    db.importJob.findFirst({
      where: { workspaceId, createdById: userId, createdAt: { gte: new Date(since) } },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, totalRows: true, importedRows: true, failedRows: true },
    }),
});
