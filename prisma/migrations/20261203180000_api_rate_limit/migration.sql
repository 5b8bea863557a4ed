-- Every API key has a limit: requests a second per key in each server process, set per workspace.

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN "api_rate_limit" INTEGER NOT NULL DEFAULT 1000;
