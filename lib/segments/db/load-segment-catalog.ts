import { pgPool } from "@/lib/db/pg-pool";

export type CatalogValueType = "string" | "number" | "boolean" | "date";
export type CatalogField = { key: string; type: CatalogValueType; examples: string[] };
/** What the builder offers: the workspace's real trait keys, event names and their property keys, with types and example values. */
export type SegmentCatalog = { traits: CatalogField[]; events: { name: string; properties: CatalogField[] }[] };

/** Read from the most recently seen profiles and the most recent events only, so that it stays fast on large workspaces. */
const PROFILE_SAMPLE = 2_000;
const EVENT_SAMPLE = 20_000;
const MAX_KEYS = 150;
const EXAMPLES = 8;

const ISO_DATE_LIKE = "^\\d{4}-\\d{2}-\\d{2}";

/** The JSON type of each key as the builder sees it (strings shaped like ISO dates are dates), its most common values first. */
function fieldsSql(source: string, json: string): string {
  return `WITH kv AS (
      SELECT k.key, CASE WHEN jsonb_typeof(k.value) = 'string' AND k.value #>> '{}' ~ '${ISO_DATE_LIKE}' THEN 'date' ELSE jsonb_typeof(k.value) END AS type, k.value #>> '{}' AS v
      FROM (${source}) s, jsonb_each(s.${json}) k WHERE jsonb_typeof(k.value) IN ('string', 'number', 'boolean')
    ), typed AS (
      SELECT DISTINCT ON (key) key, type, n FROM (SELECT key, type, count(*) AS n FROM kv GROUP BY key, type) g ORDER BY key, n DESC
    )
    SELECT t.key, t.type, (SELECT array_agg(v ORDER BY c DESC) FROM (SELECT v, count(*) AS c FROM kv WHERE kv.key = t.key GROUP BY v ORDER BY c DESC LIMIT ${EXAMPLES}) e) AS examples
    FROM typed t ORDER BY t.n DESC LIMIT ${MAX_KEYS}`;
}

export async function loadSegmentCatalog(workspaceId: string): Promise<SegmentCatalog> {
  const pool = pgPool();
  const traits = await pool.query<CatalogField>(
    fieldsSql(
      `SELECT traits FROM profiles WHERE workspace_id = $1 ORDER BY last_seen_at DESC LIMIT ${PROFILE_SAMPLE}`,
      "traits",
    ),
    [workspaceId],
  );
  const names = await pool.query<{ name: string }>(
    `SELECT name FROM (SELECT name FROM events WHERE workspace_id = $1 ORDER BY occurred_at DESC LIMIT ${EVENT_SAMPLE}) e GROUP BY name ORDER BY count(*) DESC LIMIT ${MAX_KEYS}`,
    [workspaceId],
  );
  const events = await Promise.all(
    names.rows.map(async ({ name }) => {
      const properties = await pool.query<CatalogField>(
        fieldsSql(
          `SELECT properties FROM events WHERE workspace_id = $1 AND name = $2 ORDER BY occurred_at DESC LIMIT 2000`,
          "properties",
        ),
        [workspaceId, name],
      );
      return { name, properties: properties.rows.map(clean) };
    }),
  );
  return { traits: traits.rows.map(clean), events };
}

const clean = (f: CatalogField): CatalogField => ({
  key: f.key,
  type: f.type,
  examples: (f.examples ?? []).filter((e) => e.length <= 80),
});
