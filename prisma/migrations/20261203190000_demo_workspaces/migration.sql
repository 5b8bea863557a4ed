-- Demo mode is explicit: only a workspace seeded as a demo has the keyless demo storefront. The seeded ones that
-- exist (slugs demo and outlet, which only the seeder makes) are marked.

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN "is_demo" BOOLEAN NOT NULL DEFAULT false;

UPDATE "workspaces" SET "is_demo" = true WHERE "slug" IN ('demo', 'outlet');
