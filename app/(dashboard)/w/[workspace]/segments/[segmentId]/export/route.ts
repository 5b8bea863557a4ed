// GET /w/:workspace/segments/:segmentId/export — the segment's members with marketing consent, as CSV
import { dashboardRoute } from "@/lib/api/dashboard-route";
import { ApiError } from "@/lib/api/errors";
import { getSegment } from "@/lib/segments/db/get-segment";
import { exportMembersCsv } from "@/lib/segments/db/export-members";

export const GET = dashboardRoute<{ workspace: string; segmentId: string }>(
  { role: "viewer" },
  async ({ params, workspace }) => {
    const segment = await getSegment(workspace.id, params.segmentId);
    if (!segment) throw new ApiError("not_found", "No such segment in this workspace");
    const name = segment.name.replace(/[^\w.-]+/g, "_").slice(0, 60) || "segment";
    return new Response(exportMembersCsv(workspace.id, segment.id), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}-members.csv"`,
      },
    });
  },
);
