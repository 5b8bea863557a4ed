-- The funnels' rollup (issue 17): one row per profile, local day and event name with the day's first such event
-- and how many, kept by the same job as visitor_days. A funnel whose first step has no property filter reads its
-- entrants from here instead of every matching event.
CREATE TABLE "event_days" (
    "workspace_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "profile_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "first_at" TIMESTAMPTZ(3) NOT NULL,
    "events" INTEGER NOT NULL,
    CONSTRAINT "event_days_pkey" PRIMARY KEY ("workspace_id", "profile_id", "day", "name")
);
ALTER TABLE "event_days" ADD CONSTRAINT "event_days_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A funnel reads a span's entrants of one name by an index-only scan (Prisma cannot declare INCLUDE).
CREATE INDEX "event_days_name_idx" ON "event_days"("workspace_id", "name", "day") INCLUDE ("profile_id", "first_at");

-- A ready rollup has no event-days yet: rebuilt by the next pass of the job.
UPDATE "analytics_rollup_state" SET "status" = 'building';
