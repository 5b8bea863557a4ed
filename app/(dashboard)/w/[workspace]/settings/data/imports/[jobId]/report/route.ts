// GET /w/:workspace/settings/data/imports/:jobId/report — an import's validation report as CSV
import { dashboardRoute } from "@/lib/api/dashboard-route";
import { ApiError } from "@/lib/api/errors";
import { findImportReport } from "@/lib/imports/db/import-jobs";
import { issuesToCsv } from "@/lib/imports/report";
import type { ImportIssue } from "@/lib/imports/schema";

export const GET = dashboardRoute<{ workspace: string; jobId: string }>(
  { role: "viewer" },
  async ({ params, workspace }) => {
    const job = await findImportReport(workspace.id, params.jobId);
    if (!job) throw new ApiError("not_found", "No such import in this workspace");
    const name = job.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_");
    return new Response(issuesToCsv(job.issues as ImportIssue[]), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}-report.csv"`,
      },
    });
  },
);
