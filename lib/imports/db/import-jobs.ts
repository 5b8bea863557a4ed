import { db } from "@/lib/db/client";

/** The workspace's latest imports, newest first, without their full reports. */
export function listImportJobs(workspaceId: string, take = 20) {
  return db.importJob.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      fileName: true,
      status: true,
      totalRows: true,
      importedRows: true,
      failedRows: true,
      createdAt: true,
      finishedAt: true,
      mergedProfiles: true,
      undoneAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

/** An import's file name and validation report, if the import belongs to this workspace. */
export function findImportReport(workspaceId: string, jobId: string) {
  return db.importJob.findFirst({
    where: { id: jobId.slice(0, 64), workspaceId },
    select: { fileName: true, issues: true },
  });
}
