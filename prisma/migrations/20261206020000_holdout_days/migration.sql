-- The personalization lift's rollup (issue 17): per local day and profile with decisions, the day's first decision
-- (when, and whether it was in the global holdout), whether any and whether all of the day's decisions were, and
-- the orders and revenue of that day from the first decision on. The three previous days (with decisions, with one
-- in the holdout, with one out of it) count a span's units and its profiles seen on both sides without a distinct.
CREATE TABLE "holdout_days" (
    "workspace_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "profile_id" TEXT NOT NULL,
    "first_at" TIMESTAMPTZ(3) NOT NULL,
    "held" BOOLEAN NOT NULL,
    "any_held" BOOLEAN NOT NULL,
    "all_held" BOOLEAN NOT NULL,
    "orders_after" INTEGER NOT NULL,
    "revenue_after" DECIMAL NOT NULL DEFAULT 0,
    "prev_day" DATE,
    "prev_held_day" DATE,
    "prev_unheld_day" DATE,
    CONSTRAINT "holdout_days_pkey" PRIMARY KEY ("workspace_id", "day", "profile_id")
);
CREATE INDEX "holdout_days_workspace_id_profile_id_day_idx" ON "holdout_days"("workspace_id", "profile_id", "day");
ALTER TABLE "holdout_days" ADD CONSTRAINT "holdout_days_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
