-- Backfill the computed values added by 20261123153955 for profiles that existed before it
-- (the columns were added with 0 / NULL). Same rules as lib/profiles/aggregates.ts:
-- a session ends after 30 minutes of inactivity, and orders are "Order Completed" events with a numeric revenue.
WITH ordered AS (
  SELECT profile_id, name, occurred_at, properties,
         CASE WHEN occurred_at - lag(occurred_at) OVER (PARTITION BY profile_id ORDER BY occurred_at) <= interval '30 minutes'
              THEN 0 ELSE 1 END AS starts_session
  FROM events
), totals AS (
  SELECT profile_id, min(occurred_at) AS first_seen, max(occurred_at) AS last_seen,
         sum(starts_session)::int AS sessions, count(*)::int AS events,
         count(*) FILTER (WHERE name = 'Order Completed')::int AS orders,
         coalesce(sum(CASE WHEN name = 'Order Completed' AND jsonb_typeof(properties->'revenue') = 'number' THEN (properties->>'revenue')::numeric END), 0) AS revenue,
         min(occurred_at) FILTER (WHERE name = 'Order Completed') AS first_order,
         max(occurred_at) FILTER (WHERE name = 'Order Completed') AS last_order
  FROM ordered GROUP BY profile_id
)
UPDATE profiles p SET
  first_seen_at = LEAST(p.first_seen_at, t.first_seen), last_seen_at = GREATEST(p.last_seen_at, t.last_seen),
  sessions = t.sessions, event_count = t.events, orders = t.orders, revenue = t.revenue,
  first_order_at = t.first_order, last_order_at = t.last_order
FROM totals t
WHERE p.id = t.profile_id AND p.event_count = 0;

-- RFM quintiles among each workspace's buyers.
WITH scored AS (
  SELECT id,
         ntile(5) OVER (PARTITION BY workspace_id ORDER BY last_order_at, id) AS r,
         ntile(5) OVER (PARTITION BY workspace_id ORDER BY orders, id) AS f,
         ntile(5) OVER (PARTITION BY workspace_id ORDER BY revenue, id) AS m
  FROM profiles WHERE orders > 0
)
UPDATE profiles p SET rfm_recency = s.r, rfm_frequency = s.f, rfm_monetary = s.m, rfm_computed_at = now()
FROM scored s WHERE p.id = s.id AND p.rfm_computed_at IS NULL;
