-- Signed user ids for browser calls: each workspace's identity secrets, the setting that requires a signature
-- (off for the workspaces that exist, whose storefronts do not sign yet: the dashboard shows their unverified
-- calls before it is turned on, and on for new ones), the trait keys a client-key decide may supply, and the daily
-- counts of verified and unverified calls.

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN "require_signed_user_ids" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "request_traits" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "workspaces" ALTER COLUMN "require_signed_user_ids" SET DEFAULT true;

-- CreateTable
CREATE TABLE "identity_secrets" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "identity_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_check_days" (
    "workspace_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "verified" BIGINT NOT NULL DEFAULT 0,
    "unverified" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "identity_check_days_pkey" PRIMARY KEY ("workspace_id","day")
);

-- CreateIndex
CREATE INDEX "identity_secrets_workspace_id_created_at_idx" ON "identity_secrets"("workspace_id", "created_at");

-- AddForeignKey
ALTER TABLE "identity_secrets" ADD CONSTRAINT "identity_secrets_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_secrets" ADD CONSTRAINT "identity_secrets_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_check_days" ADD CONSTRAINT "identity_check_days_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
