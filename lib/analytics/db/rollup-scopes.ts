/**
 * A visitor as the content rollup keys them: the profile id, or "anon:" and the anonymous id of a profileless
 * decision, or, for a decision with neither (as the raw statement, it counts impressions but no visitor), "x:" and
 * the exposure's own id (such rows are never a visitor's first day: linkContentDays).
 */
export const visitorOfExposure = (x: string) =>
  `coalesce(${x}.profile_id, 'anon:' || ${x}.anonymous_id, 'x:' || ${x}.id)`;
const VISITOR_OF_EXPOSURE = visitorOfExposure("x");

/**
 * Where the rows of the decision rollups (content-days, holdout-days) come from, each a FROM clause giving
 * `day`, `visitor` and the rows of the exposures or of the events of one name:
 * the keys given (`$3` visitors and `$4` days, each key's local day read whole), or every row of local days `$3`
 * to `$4` (a rebuild).
 */
export type RollupScope = { exposures: string; events: (name: string, as: string) => string };

const KEYS = `(SELECT DISTINCT k.visitor, k.day, (k.day::timestamp AT TIME ZONE $2) AS start_at,
                      ((k.day + 1)::timestamp AT TIME ZONE $2) AS end_at
               FROM unnest($3::text[], $4::date[]) AS k(visitor, day)) b`;

export const KEYED_SCOPE: RollupScope = {
  // a profile's decisions by its index, a profileless visitor's by theirs (exposures_anonymous_idx)
  exposures: `(SELECT b.day, b.visitor, x.* FROM ${KEYS}
               JOIN exposures x ON x.workspace_id = $1 AND x.profile_id = b.visitor
                AND x.occurred_at >= b.start_at AND x.occurred_at < b.end_at
               UNION ALL
               SELECT b.day, b.visitor, x.* FROM ${KEYS}
               JOIN exposures x ON x.workspace_id = $1 AND x.profile_id IS NULL AND b.visitor LIKE 'anon:%'
                AND x.anonymous_id = substr(b.visitor, 6) AND x.occurred_at >= b.start_at AND x.occurred_at < b.end_at
               UNION ALL
               SELECT b.day, b.visitor, x.* FROM ${KEYS}
               JOIN exposures x ON x.workspace_id = $1
                AND x.id = CASE WHEN b.visitor LIKE 'x:%' THEN substr(b.visitor, 3)::bigint END) x`,
  events: (name, as) => `(SELECT b.day, b.visitor, e.* FROM ${KEYS}
                          JOIN events e ON e.workspace_id = $1 AND e.profile_id = b.visitor AND e.name = ${name}
                           AND e.occurred_at >= b.start_at AND e.occurred_at < b.end_at) ${as}`,
};

export const RANGE_SCOPE: RollupScope = {
  exposures: `(SELECT (x.occurred_at AT TIME ZONE $2)::date AS day, ${VISITOR_OF_EXPOSURE} AS visitor, x.*
               FROM exposures x
               WHERE x.workspace_id = $1 AND x.occurred_at >= ($3::date::timestamp AT TIME ZONE $2)
                 AND x.occurred_at < (($4::date + 1)::timestamp AT TIME ZONE $2)) x`,
  events: (name, as) => `(SELECT (e.occurred_at AT TIME ZONE $2)::date AS day, e.profile_id AS visitor, e.*
                          FROM events e
                          WHERE e.workspace_id = $1 AND e.name = ${name}
                            AND e.occurred_at >= ($3::date::timestamp AT TIME ZONE $2)
                            AND e.occurred_at < (($4::date + 1)::timestamp AT TIME ZONE $2)) ${as}`,
};
