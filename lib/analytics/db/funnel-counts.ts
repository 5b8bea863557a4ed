import { boundedQuery } from "./bounded-statement";
import { goalEventsFrom } from "@/lib/results/db/goal-events-sql";
import { SqlParams } from "@/lib/segments/sql-params";
import type { FunnelGroupCounts, FunnelInput } from "../funnel";
import type { DaySpan } from "../range";

/** The device of a user agent in SQL, as deviceOf (lib/decide/request.ts) reads it. */
const deviceSql = (ua: string) => `CASE WHEN nullif(${ua}, '') IS NULL THEN '(unknown)'
  WHEN ${ua} ~* 'iPad|Tablet|PlayBook|Silk|(Android(?!.*Mobile))' THEN 'tablet'
  WHEN ${ua} ~* 'Mobi|iPhone|iPod|Android|BlackBerry|Opera Mini|IEMobile' THEN 'mobile' ELSE 'desktop' END`;

/**
 * A funnel's counts per group over a span of local days (lib/analytics/funnel.ts says what they mean), in one
 * statement: step 1 is each visitor's first matching event in the span; each later step the first matching event
 * after the one before and within the window of the entry. With `rolledUp` (the workspace's rollup is ready in
 * `timeZone`) a first step without property filters reads its entrants from event-days (each day's first event of
 * the name), the same first events as the raw read finds. Groups: "all", a device, "member"/"not a member" of
 * the segment at entry, or the variation of the experiment the visitor was in at entry (units tied to profiles by
 * their identities; "(not in it)" for those assigned later or never).
 */
export async function funnelCounts(
  workspaceId: string,
  span: DaySpan,
  timeZone: string,
  funnel: FunnelInput,
  rolledUp: boolean,
): Promise<FunnelGroupCounts[]> {
  const statement = funnelStatement(workspaceId, span, timeZone, funnel, rolledUp);
  const { rows } = await boundedQuery<Record<string, string | number | null>>(statement.text, statement.values);
  return rows.map((r) => ({
    group: String(r.grp),
    counts: funnel.steps.map((_, i) => Number(r[`c${i}`])),
    medianSeconds: funnel.steps.map((_, i) => (i === 0 || r[`m${i}`] === null ? null : Number(r[`m${i}`]))),
  }));
}

/** The statement of funnelCounts. */
function funnelStatement(
  workspaceId: string,
  span: DaySpan,
  timeZone: string,
  funnel: FunnelInput,
  rolledUp: boolean,
): { text: string; values: unknown[] } {
  const params = new SqlParams(workspaceId, Date.now());
  const start = `(${params.add(span.from, "date")}::timestamp AT TIME ZONE ${params.add(timeZone, "text")})`;
  const end = `((${params.add(span.to, "date")} + 1)::timestamp AT TIME ZONE ${params.add(timeZone, "text")})`;
  const window = `make_interval(days => ${params.add(funnel.windowDays, "int")})`;
  const stepEvents = (i: number, from: string, before: string) =>
    goalEventsFrom(
      { eventName: funnel.steps[i]!.eventName, valueProperty: null, filters: funnel.steps[i]!.filters },
      params,
      { from, before, to: before },
      false,
    );
  const entry = funnel.steps[0]!;
  // each step's rows carry the entry's time (t0), which bounds the window of every later step
  const ctes = [
    rolledUp && entry.filters.length === 0
      ? `s0 AS (SELECT d.profile_id, min(d.first_at) AS t, min(d.first_at) AS t0 FROM event_days d
               WHERE d.workspace_id = $1::text AND d.name = ${params.add(entry.eventName, "text")}
                 AND d.day BETWEEN ${params.add(span.from, "date")} AND ${params.add(span.to, "date")}
               GROUP BY d.profile_id)`
      : `s0 AS (SELECT m.profile_id, min(m.occurred_at) AS t, min(m.occurred_at) AS t0
               FROM ${stepEvents(0, start, end)} GROUP BY m.profile_id)`,
  ];
  for (let i = 1; i < funnel.steps.length; i++)
    ctes.push(
      `s${i} AS (SELECT p.profile_id, min(m.occurred_at) AS t, p.t0
         FROM s${i - 1} p JOIN ${stepEvents(i, start, `(${end} + ${window})`)} ON m.profile_id = p.profile_id
          AND m.occurred_at > p.t AND m.occurred_at <= p.t0 + ${window}
         GROUP BY p.profile_id, p.t0)`,
    );
  let group = `'all'`;
  if (funnel.split === "device")
    group = deviceSql(`(SELECT e.context->>'userAgent' FROM events e
      WHERE e.workspace_id = $1::text AND e.profile_id = s0.profile_id AND e.occurred_at = s0.t
        AND e.name = ${params.add(funnel.steps[0]!.eventName, "text")} ORDER BY e.id LIMIT 1)`);
  else if (funnel.split === "segment")
    group = `CASE WHEN EXISTS (SELECT 1 FROM segment_memberships sm
      WHERE sm.workspace_id = $1::text AND sm.segment_id = ${params.add(funnel.segmentId, "text")}
        AND sm.profile_id = s0.profile_id AND sm.entered_at <= s0.t AND (sm.exited_at IS NULL OR sm.exited_at > s0.t))
      THEN 'member' ELSE 'not a member' END`;
  else if (funnel.split === "experiment")
    group = `coalesce((SELECT a.variation_id FROM assignments a
      JOIN identities i ON i.workspace_id = a.workspace_id AND i.value = a.unit_id AND i.type IN ('anonymous_id', 'user_id')
      WHERE a.workspace_id = $1::text AND a.experiment_id = ${params.add(funnel.experimentId, "text")}
        AND i.profile_id = s0.profile_id AND a.assigned_at <= s0.t
      ORDER BY a.phase DESC, a.assigned_at LIMIT 1), '(not in it)')`;
  const joins = funnel.steps
    .slice(1)
    .map((_, k) => `LEFT JOIN s${k + 1} ON s${k + 1}.profile_id = s0.profile_id`)
    .join("\n");
  const counts = funnel.steps.map((_, i) => `count(s${i}.profile_id) AS c${i}`).join(", ");
  const medians = funnel.steps
    .slice(1)
    .map(
      (_, k) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s${k + 1}.t - s${k}.t)) AS m${k + 1}`,
    )
    .join(", ");
  return {
    text: `WITH ${ctes.join(",\n")}
     SELECT g AS grp, ${counts}, ${medians}
     FROM s0 ${joins}
     CROSS JOIN LATERAL (SELECT ${group} AS g) split_by
     GROUP BY g ORDER BY count(s0.profile_id) DESC, g`,
    values: params.values,
  };
}
