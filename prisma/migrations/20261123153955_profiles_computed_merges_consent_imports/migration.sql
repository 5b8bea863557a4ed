-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('customers', 'orders');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('running', 'completed', 'failed');

-- AlterTable
ALTER TABLE "profiles" ADD COLUMN     "event_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "first_order_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_order_at" TIMESTAMPTZ(3),
ADD COLUMN     "orders" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "revenue" DECIMAL(14,2) NOT NULL DEFAULT 0,
ADD COLUMN     "rfm_computed_at" TIMESTAMPTZ(3),
ADD COLUMN     "rfm_frequency" SMALLINT,
ADD COLUMN     "rfm_monetary" SMALLINT,
ADD COLUMN     "rfm_recency" SMALLINT,
ADD COLUMN     "sessions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trait_timestamps" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "profile_merges" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "survivor_id" TEXT NOT NULL,
    "merged_profile_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "linked_by" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "profile_merges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent_changes" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consent_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_jobs" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'running',
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "imported_rows" INTEGER NOT NULL DEFAULT 0,
    "failed_rows" INTEGER NOT NULL DEFAULT 0,
    "issues" JSONB NOT NULL DEFAULT '[]',
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "profile_merges_workspace_id_survivor_id_created_at_idx" ON "profile_merges"("workspace_id", "survivor_id", "created_at");

-- CreateIndex
CREATE INDEX "consent_changes_workspace_id_profile_id_changed_at_idx" ON "consent_changes"("workspace_id", "profile_id", "changed_at");

-- CreateIndex
CREATE INDEX "import_jobs_workspace_id_created_at_idx" ON "import_jobs"("workspace_id", "created_at");

-- AddForeignKey
ALTER TABLE "profile_merges" ADD CONSTRAINT "profile_merges_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "profile_merges" ADD CONSTRAINT "profile_merges_survivor_id_fkey" FOREIGN KEY ("survivor_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_changes" ADD CONSTRAINT "consent_changes_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_changes" ADD CONSTRAINT "consent_changes_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

