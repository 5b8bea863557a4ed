import pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import { buildSnapshot } from "../build-snapshot";
import type { Snapshot } from "../types";
import { CONFIG_CHANNEL } from "./config-version";
import { loadSnapshotConfig } from "./load-config";

/** How often the loaded snapshots' versions are re-read, so that a missed notification heals. */
const RECHECK_MS = Number(process.env.CONFIG_RECHECK_MS ?? 15_000);
const RECONNECT_MS = 1_000;

type Entry = { snapshot: Snapshot | null; loading: Promise<Snapshot | null> | null; wanted: number };
type Store = { entries: Map<string, Entry>; listener: pg.Client | null; started: boolean; timer: NodeJS.Timeout | null };

const globalForStore = globalThis as unknown as { decisionSnapshots?: Store };
const store = (globalForStore.decisionSnapshots ??= { entries: new Map(), listener: null, started: false, timer: null });

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
    void reload(workspaceId, entry).catch((error: unknown) => console.error("[decide] snapshot reload failed:", error instanceof Error ? error.message : error));
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
    void reload(workspaceId, entry).catch((error: unknown) => console.error("[decide] snapshot reload failed:", error instanceof Error ? error.message : error));
  }
}

/** Re-reads the versions of every loaded workspace (after a reconnect, and periodically). */
export async function recheckVersions(): Promise<void> {
  const ids = [...store.entries.keys()];
  if (ids.length === 0) return;
  const { rows } = await pgPool().query<{ id: string; config_version: number }>("SELECT id, config_version FROM workspaces WHERE id = ANY($1::text[])", [ids]);
  for (const row of rows) configChanged(row.id, row.config_version);
}

/** Listens for configuration changes (Postgres LISTEN on a dedicated connection, reconnecting), and re-checks versions periodically. */
export function startConfigListener(): void {
  if (store.started || !process.env.DATABASE_URL) return;
  store.started = true;
  const connect = async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on("notification", (message) => {
      const [workspaceId, version] = (message.payload ?? "").split(":");
      if (workspaceId && Number(version) > 0) configChanged(workspaceId, Number(version));
    });
    client.on("error", () => undefined);
    client.on("end", () => {
      store.listener = null;
      if (store.started) setTimeout(() => void connect(), RECONNECT_MS).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CONFIG_CHANNEL}`);
      store.listener = client;
      await recheckVersions(); // anything changed while not listening
    } catch {
      await client.end().catch(() => undefined);
    }
  };
  void connect();
  store.timer = setInterval(() => void recheckVersions().catch(() => undefined), RECHECK_MS);
  store.timer.unref();
}

/** Stops listening (tests and shutdown). */
export async function stopConfigListener(): Promise<void> {
  store.started = false;
  if (store.timer) clearInterval(store.timer);
  store.timer = null;
  await store.listener?.end().catch(() => undefined);
  store.listener = null;
  store.entries.clear();
}
