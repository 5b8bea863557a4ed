// POST /w/:workspace/settings/data/import — streams a CRM CSV (customers or orders) into profiles and events
import { dashboardRoute } from "@/lib/api/dashboard-route";
import { recordAudit } from "@/lib/audit/db/record-audit";
import { db } from "@/lib/db/client";
import { importRequest } from "@/lib/imports/runtime/import-request";
import { runImport } from "@/lib/imports/runtime/run-import";

export const POST = dashboardRoute<{ workspace: string }>(
  { role: "editor" },
  async ({ request, userId, workspace }) => {
    const upload = importRequest(request);
    const job = await runImport({
      workspace,
      userId,
      fileName: upload.fileName,
      mapping: upload.mapping,
      body: upload.body,
      declaredSha256: upload.sha256,
    });
    await recordAudit(db, workspace.id, { kind: "user", id: userId }, [
      {
        action: "import.run",
        targetType: "import_job",
        targetId: job.id,
        after: {
          kind: job.kind,
          fileName: job.fileName,
          totalRows: job.totalRows,
          importedRows: job.importedRows,
          failedRows: job.failedRows,
        },
      },
    ]);
    return {
      id: job.id,
      status: job.status,
      totalRows: job.totalRows,
      importedRows: job.importedRows,
      failedRows: job.failedRows,
      issues: (job.issues as unknown[]).slice(0, 100),
    };
  },
);
