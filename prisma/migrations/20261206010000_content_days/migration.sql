-- The content performance rollup (issue 17): per local day, variant and visitor (a profile id, or "anon:" and the
-- anonymous id of a decision made before the visitor had a profile), the impressions, the clicks, and the orders
-- attributed by last touch. `prev_day` is the visitor's previous day shown that variant, so that a span's distinct
-- visitors per variant are counted without a distinct.
CREATE TABLE "content_days" (
    "workspace_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "variant_id" TEXT NOT NULL,
    "visitor" TEXT NOT NULL,
    "prev_day" DATE,
    "impressions" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,
    "revenue" DECIMAL NOT NULL DEFAULT 0,
    CONSTRAINT "content_days_pkey" PRIMARY KEY ("workspace_id", "day", "variant_id", "visitor")
);
CREATE INDEX "content_days_workspace_id_visitor_day_idx" ON "content_days"("workspace_id", "visitor", "day");
-- The content page reads a span's rows for these columns only: an index-only scan (Prisma cannot declare INCLUDE).
CREATE INDEX "content_days_span_idx" ON "content_days"("workspace_id", "day") INCLUDE ("variant_id", "prev_day", "impressions", "clicks", "orders", "revenue");
ALTER TABLE "content_days" ADD CONSTRAINT "content_days_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Where the rollup stands in the exposures (as `marks` in the events).
ALTER TABLE "analytics_rollup_state" ADD COLUMN "exposure_marks" JSONB NOT NULL DEFAULT '[]';

-- The decisions of a visitor without a profile yet, found by their anonymous id (the rollup re-reads a visitor's day).
CREATE INDEX "exposures_anonymous_idx" ON "exposures"("workspace_id", "anonymous_id", "occurred_at") WHERE "profile_id" IS NULL;
