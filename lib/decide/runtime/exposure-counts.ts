// The per-day counts that buffered exposures add to as they are written (lib/decide/runtime/exposure-buffer.ts):
// impressions per placement and variant, exposures per experiment and variation, each per UTC day.
import { pgPool } from "@/lib/db/pg-pool";
import { DAY_MS } from "@/lib/time";
import { addVariationExposures, type VariationExposureCount } from "../db/add-variation-exposures";

/** What the counts read of a buffered row: one served answer, its placements' variants and its experiments' arms. */
export type CountedRow = {
  workspaceId: string;
  occurredAt: number;
  placementIds: readonly string[];
  variantIds: readonly string[];
  experimentIds: readonly string[];
  variationIds: readonly string[];
  impressions: number;
};

/** Rows handled between two turns of the event loop while flushing (so that a flush never holds requests up for long). */
export const SLICE = 250;
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The UTC day (YYYY-MM-DD) of an instant; the last one is kept, since nearly all of a flush's rows are of one day. */
let lastDay = { start: 0, day: "1970-01-01" };
function utcDay(ms: number): string {
  if (ms < lastDay.start || ms >= lastDay.start + DAY_MS) {
    const start = Math.floor(ms / DAY_MS) * DAY_MS;
    lastDay = { start, day: new Date(start).toISOString().slice(0, 10) };
  }
  return lastDay.day;
}

type Count = { workspaceId: string; placementId: string; variantId: string; day: string; impressions: number };
const entryOf = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
};

/** Adds rows' impressions to the per-placement, per-variant, per-UTC-day counts (placements deleted meanwhile are skipped). */
export async function countImpressions(rows: readonly CountedRow[]): Promise<void> {
  // by day, placement and variant (a placement belongs to one workspace): lookups of the snapshot's own strings, no keys built
  const counts = new Map<string, Map<string, Map<string, Count>>>();
  for (let r = 0; r < rows.length; r++) {
    if (r > 0 && r % SLICE === 0) await yieldToRequests();
    const row = rows[r]!;
    const day = utcDay(row.occurredAt);
    const byPlacement = entryOf(counts, day, () => new Map<string, Map<string, Count>>());
    for (let i = 0; i < row.placementIds.length; i++) {
      const placementId = row.placementIds[i]!;
      const variantId = row.variantIds[i]!;
      entryOf(
        entryOf(byPlacement, placementId, () => new Map<string, Count>()),
        variantId,
        () => ({ workspaceId: row.workspaceId, placementId, variantId, day, impressions: 0 }),
      ).impressions += row.impressions;
    }
  }
  const all = [...counts.values()].flatMap((byPlacement) =>
    [...byPlacement.values()].flatMap((byVariant) => [...byVariant.values()]),
  );
  // in one order, the same in every server: servers adding to the same counts at once never wait on each other in a cycle
  const order = (c: Count) => `${c.workspaceId}\u0000${c.placementId}\u0000${c.day}\u0000${c.variantId}`;
  const sorted = all
    .map((c) => ({ c, key: order(c) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ c }) => c);
  const columns = [
    sorted.map((c) => c.workspaceId),
    sorted.map((c) => c.placementId),
    sorted.map((c) => c.variantId),
    sorted.map((c) => c.day),
    sorted.map((c) => c.impressions),
  ];
  await countVariationExposures(rows);
  await pgPool().query(
    `INSERT INTO placement_impressions (workspace_id, placement_id, variant_id, day, impressions)
     SELECT u.workspace_id, u.placement_id, u.variant_id, u.day, u.impressions
     FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::bigint[]) WITH ORDINALITY AS u(workspace_id, placement_id, variant_id, day, impressions, n)
     WHERE EXISTS (SELECT 1 FROM placements p WHERE p.id = u.placement_id)
     ORDER BY u.n
     ON CONFLICT (workspace_id, placement_id, day, variant_id) DO UPDATE SET impressions = placement_impressions.impressions + excluded.impressions`,
    columns,
  );
}

/** Adds rows' exposures to the per-experiment, per-variation, per-UTC-day counts (experiments deleted meanwhile are skipped). */
async function countVariationExposures(rows: readonly CountedRow[]): Promise<void> {
  const counts = new Map<string, VariationExposureCount>();
  for (const row of rows) {
    if (row.experimentIds.length === 0) continue;
    const day = utcDay(row.occurredAt);
    for (let i = 0; i < row.experimentIds.length; i++) {
      const key = `${row.workspaceId}\u0000${row.experimentIds[i]}\u0000${day}\u0000${row.variationIds[i]}`;
      entryOf(counts, key, () => ({
        workspaceId: row.workspaceId,
        experimentId: row.experimentIds[i]!,
        variationId: row.variationIds[i]!,
        day,
        n: 0,
      })).n += row.impressions;
    }
  }
  if (counts.size === 0) return;
  // in one order, the same in every server (see countImpressions)
  await addVariationExposures([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c));
}
