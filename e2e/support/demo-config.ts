import { query, queryOne } from "./database";

/** Tells every server process that the demo's configuration changed (as an action would, after its commit). */
export async function configChanged(workspaceId: string): Promise<void> {
  const { config_version: version } = await queryOne<{ config_version: number }>(
    "UPDATE workspaces SET config_version = config_version + 1 WHERE id = $1 RETURNING config_version",
    [workspaceId],
  );
  await query("SELECT pg_notify('personalize_config', $1)", [`${workspaceId}:${version}`]);
}

/**
 * Turns the demo's global holdout off for a spec about content (whose visitors, made up per run, would otherwise
 * be held out one time in twenty and served defaults), and returns what puts it back.
 */
export async function withoutHoldout(): Promise<() => Promise<void>> {
  const { id, holdout_share: share } = await queryOne<{ id: string; holdout_share: number }>(
    "SELECT id, holdout_share FROM workspaces WHERE slug = 'demo'",
  );
  await query("UPDATE workspaces SET holdout_share = 0 WHERE id = $1", [id]);
  await configChanged(id);
  await new Promise((r) => setTimeout(r, 300)); // the servers rebuild their snapshots
  return async () => {
    await query("UPDATE workspaces SET holdout_share = $2 WHERE id = $1", [id, share]);
    await configChanged(id);
  };
}

/** Pauses one of the demo's live experiences by name for a spec, and returns what makes it live again. */
export async function withoutCatchAll(name: string): Promise<() => Promise<void>> {
  const { id } = await queryOne<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'demo'");
  const paused = await query<{ id: string }>(
    "UPDATE content_blocks SET status = 'paused' WHERE workspace_id = $1 AND name = $2 AND status = 'live' RETURNING id",
    [id, name],
  );
  await configChanged(id);
  return async () => {
    if (paused.length === 0) return;
    await query("UPDATE content_blocks SET status = 'live' WHERE id = ANY($1::text[])", [paused.map((p) => p.id)]);
    await configChanged(id);
  };
}
