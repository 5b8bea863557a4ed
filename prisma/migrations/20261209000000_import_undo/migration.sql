-- Undo of imports: each import journals the profiles it touched (as they were before) and the events it stored,
-- and the rollup pass re-rolls the profiles whose events an undo removed
-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'undone';

-- AlterTable
ALTER TABLE "import_jobs" ADD COLUMN     "merged_profiles" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "undone_at" TIMESTAMPTZ(3),
ADD COLUMN     "undone_by_id" TEXT;

-- CreateTable
CREATE TABLE "rollup_rerolls" (
    "workspace_id" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rollup_rerolls_pkey" PRIMARY KEY ("workspace_id","profile_id")
);

-- CreateTable
CREATE TABLE "import_job_profiles" (
    "job_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "created" BOOLEAN NOT NULL,
    "before" JSONB,
    "identity_ids" TEXT[],
    "consent_floor" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "import_job_profiles_pkey" PRIMARY KEY ("job_id","profile_id")
);

-- CreateTable
CREATE TABLE "import_job_events" (
    "job_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,

    CONSTRAINT "import_job_events_pkey" PRIMARY KEY ("job_id","message_id")
);

-- CreateIndex
CREATE INDEX "rollup_rerolls_workspace_id_requested_at_idx" ON "rollup_rerolls"("workspace_id", "requested_at");

-- CreateIndex
CREATE INDEX "import_job_profiles_workspace_id_profile_id_idx" ON "import_job_profiles"("workspace_id", "profile_id");

-- AddForeignKey
ALTER TABLE "rollup_rerolls" ADD CONSTRAINT "rollup_rerolls_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_job_profiles" ADD CONSTRAINT "import_job_profiles_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_job_events" ADD CONSTRAINT "import_job_events_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

