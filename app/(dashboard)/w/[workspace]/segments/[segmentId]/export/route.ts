// GET /w/:workspace/segments/:segmentId/export — the segment's members with marketing consent, as CSV
import { dashboardRoute } from "@/lib/api/dashboard-route";
import { ApiError } from "@/lib/api/errors";
import { getSegment } from "@/lib/segments/db/get-segment";
import { exportMembersCsv } from "@/lib/segments/db/export-members";
import { SegmentQueryTimeout } from "@/lib/segments/db/with-statement-timeout";

export const GET = dashboardRoute<{ workspace: string; segmentId: string }>(
  { role: "viewer" },
  async ({ params, workspace }) => {
    const segment = await getSegment(workspace.id, params.segmentId);
    if (!segment) throw new ApiError("not_found", "No such segment in this workspace");
    const name = segment.name.replace(/[^\w.-]+/g, "_").slice(0, 60) || "segment";
    const csv = await exportMembersCsv(workspace.id, segment.id).catch((error: unknown) => {
      // the database is too busy (or the segment too large) to read a page in time: a refusal to retry, not a 500
      if (error instanceof SegmentQueryTimeout)
        throw new ApiError(
          "unavailable",
          "Exporting this segment takes too long right now: try again in a few minutes",
        );
      throw error;
    });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}-members.csv"`,
      },
    });
  },
);
