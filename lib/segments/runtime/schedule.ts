import { pgPool } from "@/lib/db/pg-pool";
import { runExclusive } from "@/lib/jobs/periodic";
import { recomputeWorkspaceSegments } from "../db/recompute-segment";

/** Any stable number: the advisory lock that lets one process at a time recompute all segments. */
const SEGMENTS_LOCK = 7_324_002;

/**
 * Recomputes every dynamic segment of every workspace (time windows slide
 * even when no event arrives), unless another process is doing it now.
 */
export function recomputeAllSegments(): Promise<{ segments: number } | null> {
  return runExclusive(SEGMENTS_LOCK, async () => {
    const workspaces = await pgPool().query<{ id: string }>("SELECT id FROM workspaces");
    let segments = 0;
    for (const { id } of workspaces.rows) segments += await recomputeWorkspaceSegments(id);
    return { segments };
  });
}
