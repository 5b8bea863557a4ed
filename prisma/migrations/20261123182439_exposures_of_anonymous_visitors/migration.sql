-- AlterTable
ALTER TABLE "exposures" ADD COLUMN     "anonymous_id" TEXT,
ALTER COLUMN "profile_id" DROP NOT NULL;

