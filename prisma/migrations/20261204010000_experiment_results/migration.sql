-- Experiment results: the statistics engine (workspace default, per experiment), bandits, CUPED, winsorized and
-- ratio goals, and what an assignment knew of its unit at the first exposure (for the dimension breakdown).
CREATE TYPE "StatsEngine" AS ENUM ('frequentist', 'sequential', 'bayesian');
ALTER TABLE "workspaces" ADD COLUMN "stats_engine" "StatsEngine" NOT NULL DEFAULT 'frequentist';

ALTER TABLE "experiments" ADD COLUMN "stats_engine" "StatsEngine",
    ADD COLUMN "bandit" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "cuped_days" INTEGER NOT NULL DEFAULT 14;

ALTER TYPE "GoalKind" ADD VALUE 'ratio';
ALTER TABLE "goals" ADD COLUMN "cap_percentile" DOUBLE PRECISION;

ALTER TABLE "assignments" ADD COLUMN "device" TEXT,
    ADD COLUMN "country" TEXT,
    ADD COLUMN "returning" BOOLEAN;

-- A bandit's weights each time they were recomputed (the variations in the experiment's order).
CREATE TABLE "bandit_updates" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "experiment_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "variation_ids" TEXT[],
    "weights" DOUBLE PRECISION[],
    "units" INTEGER[],
    "chances" DOUBLE PRECISION[],
    CONSTRAINT "bandit_updates_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "bandit_updates_experiment_id_at_idx" ON "bandit_updates"("experiment_id", "at");
ALTER TABLE "bandit_updates" ADD CONSTRAINT "bandit_updates_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
