import { config } from "@/lib/config/config";
import { listen, stopListening } from "@/lib/db/notifications";
import { pgPool } from "@/lib/db/pg-pool";
import { buildSnapshot } from "../build-snapshot";
import type { Snapshot } from "../types";
import { CONFIG_CHANNEL, parseConfigNotice } from "@/lib/workspaces/config-channel";
import { loadSnapshotConfig } from "../db/load-config";

/** How often the loaded snapshots' versions are re-read, so that a missed notification heals. */
const RECHECK_MS = config().CONFIG_RECHECK_MS;

type Entry = { snapshot: Snapshot | null; loading: Promise<Snapshot | null> | null; wanted: number };
type Store = { entries: Map<string, Entry>; started: boolean; timer: NodeJS.Timeout | null };

const globalForStore = globalThis as unknown as { decisionSnapshots?: Store };
const store = (globalForStore.decisionSnapshots ??= { entries: new Map(), started: false, timer: null });

function reload(workspaceId: string, entry: Entry): Promise<Snapshot | null> {
  entry.loading ??= (async () => {
    try {
      const config = await loadSnapshotConfig(workspaceId);
      entry.snapshot = config ? buildSnapshot(config) : null;
      return entry.snapshot;
    } finally {
      entry.loading = null;
    }
  })();
  return entry.loading;
}

/**
 * The workspace's decision snapshot, from memory. The first request of a
 * workspace loads it; after a change (notified, or found by the periodic
 * re-check) requests keep the previous snapshot until the new one is built.
 */
export async function getSnapshot(workspaceId: string): Promise<Snapshot | null> {
  startConfigListener();
  let entry = store.entries.get(workspaceId);
  if (!entry) {
    entry = { snapshot: null, loading: null, wanted: 0 };
    store.entries.set(workspaceId, entry);
  }
  if (entry.snapshot && entry.snapshot.version >= entry.wanted) return entry.snapshot;
  if (entry.snapshot) {
    void reload(workspaceId, entry).catch((error: unknown) =>
      console.error("[decide] snapshot reload failed:", error instanceof Error ? error.message : error),
    );
    return entry.snapshot;
  }
  return reload(workspaceId, entry);
}

/** A workspace's configuration reached `version`: rebuild its snapshot now if this process holds an older one. */
export function configChanged(workspaceId: string, version: number): void {
  const entry = store.entries.get(workspaceId);
  if (!entry) return;
  entry.wanted = Math.max(entry.wanted, version);
  if (entry.snapshot && entry.snapshot.version < version) {
    void reload(workspaceId, entry).catch((error: unknown) =>
      console.error("[decide] snapshot reload failed:", error instanceof Error ? error.message : error),
    );
  }
}

/** Re-reads the versions of every loaded workspace (after a reconnect, and periodically). */
async function recheckVersions(): Promise<void> {
  const ids = [...store.entries.keys()];
  if (ids.length === 0) return;
  const { rows } = await pgPool().query<{ id: string; config_version: number }>(
    "SELECT id, config_version FROM workspaces WHERE id = ANY($1::text[])",
    [ids],
  );
  for (const row of rows) configChanged(row.id, row.config_version);
}

/** Follows configuration changes (LISTEN, and a re-check after each reconnection), and re-checks versions periodically. */
export function startConfigListener(): void {
  if (store.started || !config().DATABASE_URL) return;
  store.started = true;
  const recheck = () => void recheckVersions().catch(() => undefined);
  listen(
    CONFIG_CHANNEL,
    (payload) => {
      const notice = parseConfigNotice(payload);
      if (notice) configChanged(notice.workspaceId, notice.version);
    },
    recheck,
  );
  store.timer = setInterval(recheck, RECHECK_MS);
  store.timer.unref();
}

/** Stops following changes and forgets the snapshots (tests and shutdown). */
export async function stopConfigListener(): Promise<void> {
  store.started = false;
  if (store.timer) clearInterval(store.timer);
  store.timer = null;
  store.entries.clear();
  await stopListening();
}
