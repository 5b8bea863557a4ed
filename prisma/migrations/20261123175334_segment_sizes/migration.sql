-- AlterTable
ALTER TABLE "segments" ADD COLUMN     "reachable_size" INTEGER,
ADD COLUMN     "source" TEXT,
ADD COLUMN     "source_segment_id" TEXT;

-- CreateTable
CREATE TABLE "segment_size_points" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "segment_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "size" INTEGER NOT NULL,

    CONSTRAINT "segment_size_points_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "segment_size_points_workspace_id_segment_id_at_idx" ON "segment_size_points"("workspace_id", "segment_id", "at");

-- AddForeignKey
ALTER TABLE "segment_size_points" ADD CONSTRAINT "segment_size_points_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_size_points" ADD CONSTRAINT "segment_size_points_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

