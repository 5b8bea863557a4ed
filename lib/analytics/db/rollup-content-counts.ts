import type { ContentCounts } from "../content";
import type { DaySpan } from "../range";
import { boundedQuery } from "./bounded-statement";
import { toContentCounts, type ContentCountRow } from "./content-counts";

/**
 * contentCounts read from the content-days (rollup-content.ts): per variant over the span's rows, the sums, and
 * the visitors as the rows shown the variant whose previous day shown it is before the span (one per visitor).
 */
export async function rollupContentCounts(workspaceId: string, span: DaySpan): Promise<ContentCounts[]> {
  const { rows } = await boundedQuery<ContentCountRow>(
    `WITH counted AS (
       SELECT variant_id, sum(impressions) AS impressions,
              count(*) FILTER (WHERE impressions > 0 AND (prev_day IS NULL OR prev_day < $2::date)) AS visitors,
              sum(clicks) AS clicks, sum(orders) AS orders, sum(revenue) AS revenue
       FROM content_days WHERE workspace_id = $1 AND day BETWEEN $2::date AND $3::date
       GROUP BY variant_id
     )
     SELECT p.id AS placement_id, p.key AS placement_key, p.name AS placement_name, c.id AS experience_id,
            c.name AS experience_name, c.is_default, v.id AS variant_id, v.name AS variant_name,
            k.impressions, k.visitors, k.clicks, k.orders, k.revenue::text AS revenue
     FROM counted k
     JOIN variants v ON v.id = k.variant_id AND v.workspace_id = $1
     JOIN content_blocks c ON c.id = v.content_block_id
     JOIN placements p ON p.id = c.placement_id`,
    [workspaceId, span.from, span.to],
  );
  return rows.map(toContentCounts);
}
