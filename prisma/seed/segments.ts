import type pg from "pg";
import type { RuleGroup } from "@/lib/segments/schema";
import { SEGMENT_TEMPLATES } from "@/lib/segments/templates";
import { toSql } from "@/lib/segments/to-sql";
import { idFrom } from "./random";
import { DAY_MS } from "@/lib/time";

/** Days of size history replayed for each demo segment (so the list's trend lines have a shape). */
const HISTORY_DAYS = 14;

const shoeFans: RuleGroup = {
  type: "group",
  id: "root",
  combinator: "and",
  children: [
    {
      type: "behavior",
      id: "v",
      event: "Product Viewed",
      filters: [{ property: "category", valueType: "string", op: "equals", value: "shoes" }],
      count: { op: "at_least", value: 3 },
      window: { kind: "last_days", days: 30 },
    },
  ],
};

const DEMO_SEGMENTS = [
  ...SEGMENT_TEMPLATES.map((t) => ({ name: t.name, description: t.description, rule: t.rule })),
  { name: "Shoe fans", description: "Viewed shoes at least 3 times in the last 30 days.", rule: shoeFans },
];

/** Demo segment ids' numbers (idFrom("segment", n, seed)), in the order DEMO_SEGMENTS lists them. */
export const DEMO_SEGMENT = {
  champions: 0,
  atRisk: 1,
  cartAbandoners: 2,
  windowShoppers: 3,
  newVisitors: 4,
  shoeFans: 5,
} as const;

/** The demo's segments as rows, with their ids (what is inserted, and what the seeder's own decisions use). */
export function demoSegments(seed: number): DemoSegment[] {
  return DEMO_SEGMENTS.map((s, i) => ({ id: idFrom("segment", i, seed), kind: "dynamic", ...s }));
}
type DemoSegment = { id: string; name: string; description: string; kind: "dynamic"; rule: RuleGroup };

/** Inserts the demo's segments (before the content that targets them); seedSegmentMembers computes them. */
export async function insertSegments(
  db: pg.Client,
  workspaceId: string,
  seed: number,
  now = Date.now(),
): Promise<void> {
  for (const s of demoSegments(seed)) {
    await db.query(
      `INSERT INTO segments (id, workspace_id, name, description, kind, rules, created_at, updated_at) VALUES ($1, $2, $3, $4, 'dynamic', $5, $6, $6)`,
      [
        s.id,
        workspaceId,
        s.name,
        s.description,
        JSON.stringify(s.rule),
        new Date(now - HISTORY_DAYS * DAY_MS).toISOString(),
      ],
    );
  }
}

/**
 * Computes the demo's segments from the inserted profiles: members as of
 * `now` (the seeder passes its seed clock, which the data set ends at), and a
 * size history replayed by evaluating each rule as of each of the last 14
 * days (windows and "days since" measured from that day; traits and computed
 * values as they are now).
 */
export async function seedSegmentMembers(
  db: pg.Client,
  workspaceId: string,
  seed: number,
  now = Date.now(),
): Promise<void> {
  for (const { id, rule } of demoSegments(seed)) {
    for (let d = HISTORY_DAYS; d >= 1; d--) {
      const at = now - d * DAY_MS;
      const { predicate, values } = toSql(rule, { workspaceId, now: at, segments: new Map() });
      await db.query(
        `INSERT INTO segment_size_points (workspace_id, segment_id, at, size)
         SELECT $1, $${values.length + 1}::text, $${values.length + 2}::timestamptz, count(*) FROM profiles p WHERE p.workspace_id = $1 AND ${predicate}`,
        [...values, id, new Date(at).toISOString()],
      );
    }
    const { predicate, values } = toSql(rule, { workspaceId, now, segments: new Map() });
    const n = values.length;
    await db.query(
      `WITH m AS (
         INSERT INTO segment_memberships (workspace_id, segment_id, profile_id, entered_at)
         SELECT $1, $${n + 1}::text, p.id, $${n + 2}::timestamptz FROM profiles p WHERE p.workspace_id = $1 AND ${predicate} RETURNING profile_id
       ), sized AS (
         UPDATE segments s SET size = (SELECT count(*) FROM m), last_computed_at = $${n + 2}::timestamptz,
           reachable_size = (SELECT count(*) FROM m JOIN profiles p ON p.id = m.profile_id WHERE coalesce(p.consent -> 'personalization' ->> 'granted', 'true') <> 'false')
         WHERE s.id = $${n + 1}::text RETURNING s.size
       )
       INSERT INTO segment_size_points (workspace_id, segment_id, at, size) SELECT $1, $${n + 1}::text, $${n + 2}::timestamptz, size FROM sized`,
      [...values, id, new Date(now).toISOString()],
    );
  }
}
