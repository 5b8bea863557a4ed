-- Experiments (issue 15): lifecycle statuses, flag experiments, goals by kind with filters and windows, phases,
-- layers, goal roles, assignments per phase, exposures naming their experiments, per-day exposure counts, the holdout.

-- Statuses: completed becomes stopped, archived is new.
ALTER TYPE "ExperimentStatus" RENAME VALUE 'completed' TO 'stopped';
ALTER TYPE "ExperimentStatus" ADD VALUE 'archived';
ALTER TYPE "ExperimentType" ADD VALUE 'flag';
ALTER TYPE "GoalKind" RENAME VALUE 'revenue' TO 'sum';
ALTER TYPE "GoalKind" ADD VALUE 'count';
CREATE TYPE "GoalRole" AS ENUM ('primary', 'secondary', 'guardrail');

-- The holdout.
ALTER TABLE "workspaces" ADD COLUMN "holdout_share" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- Layers.
CREATE TABLE "layers" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "layers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "layers_workspace_id_key_key" ON "layers"("workspace_id", "key");
ALTER TABLE "layers" ADD CONSTRAINT "layers_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Experiments: the primary goal moves to experiment_goals, the layer name to a layer row.
ALTER TABLE "experiments" DROP CONSTRAINT IF EXISTS "experiments_primary_goal_id_fkey";
ALTER TABLE "experiments" DROP COLUMN "primary_goal_id";
ALTER TABLE "experiments" DROP COLUMN "layer";
ALTER TABLE "experiments" RENAME COLUMN "traffic_allocation" TO "coverage";
ALTER TABLE "experiments" ADD COLUMN "seed_phase" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "unit_type" TEXT NOT NULL DEFAULT 'anonymous_id',
    ADD COLUMN "layer_id" TEXT,
    ADD COLUMN "layer_start" DOUBLE PRECISION,
    ADD COLUMN "layer_end" DOUBLE PRECISION,
    ADD COLUMN "experience_id" TEXT,
    ADD COLUMN "rules" JSONB,
    ADD COLUMN "factors" JSONB,
    ADD COLUMN "starts_at" TIMESTAMPTZ(3),
    ADD COLUMN "ends_at" TIMESTAMPTZ(3),
    ADD COLUMN "winner_variation_id" TEXT;
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_unit_type_check" CHECK ("unit_type" IN ('anonymous_id', 'user_id'));
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_layer_id_fkey" FOREIGN KEY ("layer_id") REFERENCES "layers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_experience_id_fkey" FOREIGN KEY ("experience_id") REFERENCES "content_blocks"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "experiments" DROP CONSTRAINT IF EXISTS "experiments_segment_id_fkey";
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Variations keep their order (the hash's ranges are laid out in it).
ALTER TABLE "variations" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;

-- Phases.
CREATE TABLE "experiment_phases" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "experiment_id" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "seed" TEXT NOT NULL,
    "coverage" DOUBLE PRECISION NOT NULL,
    "weights" DOUBLE PRECISION[],
    "reason" TEXT NOT NULL,
    "targeting" JSONB,
    CONSTRAINT "experiment_phases_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "experiment_phases_experiment_id_index_key" ON "experiment_phases"("experiment_id", "index");
CREATE INDEX "experiment_phases_workspace_id_experiment_id_idx" ON "experiment_phases"("workspace_id", "experiment_id");
ALTER TABLE "experiment_phases" ADD CONSTRAINT "experiment_phases_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "experiment_phases" ADD CONSTRAINT "experiment_phases_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Goals.
ALTER TABLE "goals" ADD COLUMN "description" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "filters" JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN "window_days" INTEGER NOT NULL DEFAULT 7,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE TABLE "experiment_goals" (
    "workspace_id" TEXT NOT NULL,
    "experiment_id" TEXT NOT NULL,
    "goal_id" TEXT NOT NULL,
    "role" "GoalRole" NOT NULL DEFAULT 'secondary',
    CONSTRAINT "experiment_goals_pkey" PRIMARY KEY ("experiment_id", "goal_id")
);
CREATE INDEX "experiment_goals_workspace_id_goal_id_idx" ON "experiment_goals"("workspace_id", "goal_id");
ALTER TABLE "experiment_goals" ADD CONSTRAINT "experiment_goals_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "experiment_goals" ADD CONSTRAINT "experiment_goals_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Assignments: one per unit and phase of first exposure.
ALTER TABLE "assignments" ADD COLUMN "phase" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "assignments" DROP CONSTRAINT "assignments_pkey";
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_pkey" PRIMARY KEY ("workspace_id", "experiment_id", "unit_id", "phase");
CREATE INDEX "assignments_workspace_id_unit_id_idx" ON "assignments"("workspace_id", "unit_id");
CREATE INDEX "assignments_workspace_id_experiment_id_variation_id_idx" ON "assignments"("workspace_id", "experiment_id", "variation_id");

-- Exposures name every experiment of their decision (no foreign keys: an append-only log).
DROP INDEX IF EXISTS "exposures_experiment_occurred_at_idx";
ALTER TABLE "exposures" DROP CONSTRAINT IF EXISTS "exposures_experiment_id_fkey";
ALTER TABLE "exposures" DROP CONSTRAINT IF EXISTS "exposures_variation_id_fkey";
ALTER TABLE "exposures" DROP COLUMN "experiment_id";
ALTER TABLE "exposures" DROP COLUMN "variation_id";
ALTER TABLE "exposures" ADD COLUMN "experiment_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "variation_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "holdout" BOOLEAN NOT NULL DEFAULT false;

-- Exposures per experiment, variation and day.
CREATE TABLE "variation_exposures" (
    "workspace_id" TEXT NOT NULL,
    "experiment_id" TEXT NOT NULL,
    "variation_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "exposures" BIGINT NOT NULL,
    CONSTRAINT "variation_exposures_pkey" PRIMARY KEY ("workspace_id", "experiment_id", "day", "variation_id")
);
ALTER TABLE "variation_exposures" ADD CONSTRAINT "variation_exposures_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "variation_exposures" ADD CONSTRAINT "variation_exposures_variation_id_fkey" FOREIGN KEY ("variation_id") REFERENCES "variations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
