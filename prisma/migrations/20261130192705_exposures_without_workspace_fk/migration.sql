-- DropForeignKey
ALTER TABLE "exposures" DROP CONSTRAINT "exposures_workspace_id_fkey";

