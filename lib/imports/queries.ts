import { db } from "@/lib/db/client";

/** The workspace's latest imports, newest first, without their full reports. */
export function listImportJobs(workspaceId: string, take = 20) {
  return db.importJob.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, fileName: true, status: true, totalRows: true, importedRows: true, failedRows: true, createdAt: true, finishedAt: true, createdBy: { select: { name: true } } },
  });
}
