import { pgPool } from "@/lib/db/pg-pool";
import { subscribe } from "@/lib/signals/bus";
import { CONFIG_CHANNEL, configNotice } from "../config-channel";

/**
 * Other processes (decision servers, other app instances) hear of a
 * configuration change by Postgres NOTIFY, relayed here after the commit. A
 * notice lost to a crash in between is healed by each process's periodic
 * re-check of versions (CONFIG_RECHECK_MS).
 */
export function subscribeWorkspaces(): void {
  subscribe("configChanged", "workspaces.notify", async ({ workspaceId, version }) => {
    await pgPool().query("SELECT pg_notify($1, $2)", [CONFIG_CHANNEL, configNotice(workspaceId, version)]);
  });
}
