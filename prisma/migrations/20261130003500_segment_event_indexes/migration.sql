-- Segments read one event name's rows in a time window, with their profile and properties. These two partial
-- indexes split the events by the size of their properties: the small ones (nearly all) are read from the first
-- without touching the table (an index-only scan), the rare large ones through the second. lib/segments/to-sql.ts
-- writes the same two predicates, which is what lets the planner use them. Not declared in schema.prisma
-- (Prisma cannot declare partial indexes).
CREATE INDEX "events_segment_scan_idx" ON "events"("workspace_id", "name", "occurred_at") INCLUDE ("profile_id", "properties") WHERE octet_length("properties"::text) <= 1000;

CREATE INDEX "events_segment_large_idx" ON "events"("workspace_id", "name", "occurred_at") WHERE octet_length("properties"::text) > 1000;
