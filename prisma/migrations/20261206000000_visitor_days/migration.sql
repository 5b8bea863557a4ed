-- The dashboards' rollup (issue 17): one row per profile and local day (in the workspace's time zone) with events,
-- and where each workspace's rollup stands. Filled by the rollup job and `npm run rollups:rebuild`. Until a
-- workspace's rollup is ready in its time zone the dashboards read the raw events.
CREATE TABLE "visitor_days" (
    "workspace_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "profile_id" TEXT NOT NULL,
    "prev_day" DATE,
    "prev_buy_day" DATE,
    "identified" BOOLEAN NOT NULL DEFAULT false,
    "events" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "revenue" DECIMAL NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL,
    "medium" TEXT NOT NULL,
    "campaign" TEXT NOT NULL,
    "referrer" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "country" TEXT,
    CONSTRAINT "visitor_days_pkey" PRIMARY KEY ("workspace_id", "day", "profile_id")
);
CREATE INDEX "visitor_days_workspace_id_profile_id_day_idx" ON "visitor_days"("workspace_id", "profile_id", "day");
ALTER TABLE "visitor_days" ADD CONSTRAINT "visitor_days_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "analytics_rollup_state" (
    "workspace_id" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "marks" JSONB NOT NULL DEFAULT '[]',
    "passed_at" TIMESTAMPTZ(3),
    "built_at" TIMESTAMPTZ(3),
    CONSTRAINT "analytics_rollup_state_pkey" PRIMARY KEY ("workspace_id")
);
ALTER TABLE "analytics_rollup_state" ADD CONSTRAINT "analytics_rollup_state_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The overview reads a span's rows for these columns only: an index-only scan (Prisma cannot declare INCLUDE).
CREATE INDEX "visitor_days_span_idx" ON "visitor_days"("workspace_id", "day") INCLUDE ("prev_day", "prev_buy_day", "identified", "orders", "revenue");
