-- Exposures become one row per decision (all its placements) instead of one per placement, and the
-- impressions per placement, variant and day are counted in their own table. Existing rows are kept.

-- CreateTable
CREATE TABLE "placement_impressions" (
    "workspace_id" TEXT NOT NULL,
    "placement_id" TEXT NOT NULL,
    "variant_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "impressions" BIGINT NOT NULL,

    CONSTRAINT "placement_impressions_pkey" PRIMARY KEY ("workspace_id","placement_id","day","variant_id")
);

-- AddForeignKey
ALTER TABLE "placement_impressions" ADD CONSTRAINT "placement_impressions_placement_id_fkey" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The counts so far, from the exposures (of placements that still exist)
INSERT INTO "placement_impressions" ("workspace_id", "placement_id", "variant_id", "day", "impressions")
SELECT e."workspace_id", e."placement_id", e."variant_id", (e."occurred_at" AT TIME ZONE 'UTC')::date, sum(e."impressions")
FROM "exposures" e JOIN "placements" p ON p."id" = e."placement_id"
WHERE e."variant_id" IS NOT NULL
GROUP BY 1, 2, 3, 4;

-- DropIndex
DROP INDEX "exposures_workspace_id_placement_id_occurred_at_idx";

-- AlterTable: each old row becomes a decision of one placement
ALTER TABLE "exposures" ADD COLUMN "placement_ids" TEXT[], ADD COLUMN "variant_ids" TEXT[];
UPDATE "exposures" SET "placement_ids" = ARRAY["placement_id"], "variant_ids" = ARRAY["variant_id"] WHERE "placement_id" IS NOT NULL;
ALTER TABLE "exposures" DROP COLUMN "placement_id", DROP COLUMN "variant_id";

-- CreateIndex (partial, not declared in schema.prisma): merges and a profile's data find its exposures
CREATE INDEX "exposures_profile_idx" ON "exposures"("workspace_id", "profile_id") WHERE "profile_id" IS NOT NULL;
