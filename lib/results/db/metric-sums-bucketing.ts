import type { SumsBucketing } from "@/lib/results/sums";
import { type SqlParams, WORKSPACE } from "@/lib/segments/sql-params";

/**
 * The pieces of the metric-sums statement that depend on how units are
 * split. `unit` is the column of an assignment row `a` that decides the
 * bucket (null: none; the analysis unit takes its first assignment's, see
 * firstDimensionSql), `join` adds to the grouped units `g`, `bucket` is the
 * bucket of a unit `g` and `output` formats a bucket of the counts `c`. Every value is
 * a fixed SQL fragment or a parameter: no input is spliced into SQL.
 */
export type BucketingSql = { unit: string | null; join: string; bucket: string; output: string };

/*
 * The first assignment's dimension: ordered by time, then unit id, so that
 * two assignments at the same instant always give the same answer.
 */
const FIRST_OF_UNIT = "(array_agg(r.dimension ORDER BY r.assigned_at, r.unit_id))[1]";

/** The SQL of a bucketing (see BucketingSql). */
export function bucketingSql(bucketing: SumsBucketing, params: SqlParams): BucketingSql {
  switch (bucketing.by) {
    case "day":
      // a date while the rows are grouped (cheap to compare), formatted once per output row
      return {
        unit: null,
        join: "",
        bucket: "(g.first_at AT TIME ZONE 'UTC')::date",
        output: "to_char(c.bucket, 'YYYY-MM-DD')",
      };
    case "device":
    case "country":
      return { unit: `a.${bucketing.by}`, join: "", bucket: "coalesce(g.dimension, '')", output: "c.bucket" };
    case "returning":
      return {
        unit: 'a."returning"',
        join: "",
        bucket: "CASE g.dimension WHEN true THEN 'returning' WHEN false THEN 'new' ELSE '' END",
        output: "c.bucket",
      };
    case "segment": {
      // the segment must be this workspace's: a segment id of another workspace has no members here
      const segment = params.add(bucketing.segmentId, "text");
      return {
        unit: null,
        join: `LEFT JOIN (
          SELECT m.profile_id, m.entered_at, m.exited_at FROM segment_memberships m
          JOIN segments s ON s.id = m.segment_id AND s.workspace_id = ${WORKSPACE}
          WHERE m.workspace_id = ${WORKSPACE} AND m.segment_id = ${segment}
        ) sm ON sm.profile_id = g.profile_id`,
        bucket:
          "CASE WHEN sm.entered_at <= g.first_at AND (sm.exited_at IS NULL OR sm.exited_at > g.first_at) THEN 'in' ELSE 'out' END",
        output: "c.bucket",
      };
    }
  }
}

/** The aggregate that picks the first assignment's dimension, when the bucketing has one. */
export const firstDimensionSql = (b: BucketingSql): string => (b.unit ? `, ${FIRST_OF_UNIT} AS dimension` : "");
