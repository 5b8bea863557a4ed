-- DropIndex
DROP INDEX "exposures_workspace_id_experiment_id_occurred_at_idx";

-- AlterTable
ALTER TABLE "exposures" ADD COLUMN     "impressions" INTEGER NOT NULL DEFAULT 1;


-- CreateIndex (partial, not declared in schema.prisma): only experiment exposures are looked up by experiment
CREATE INDEX "exposures_experiment_occurred_at_idx" ON "exposures"("workspace_id", "experiment_id", "occurred_at") WHERE "experiment_id" IS NOT NULL;
