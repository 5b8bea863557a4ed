-- The rollup pass relinks the profiles that gained a user id since its last run (an import, an identify
-- without stored events), so that their visitor-days count as identified
CREATE INDEX "identities_workspace_id_created_at_idx" ON "identities"("workspace_id", "created_at");
