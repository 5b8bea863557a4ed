-- Sessions end at once on sign-out: each session carries its user's session version, which sign-out bumps.

-- AlterTable
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
