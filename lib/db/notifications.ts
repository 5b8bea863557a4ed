import pg from "pg";
import { config } from "@/lib/config/config";

/**
 * Postgres LISTEN on one dedicated connection per process, shared by every
 * channel (configuration versions, API-key changes). It reconnects by itself;
 * after each (re)connection the channels' `resync` hooks run, since
 * notifications sent while disconnected are lost.
 */
const RECONNECT_MS = 1_000;

type Channel = { handlers: Set<(payload: string) => void>; resync: Set<() => void> };
type State = { channels: Map<string, Channel>; client: pg.Client | null; started: boolean; generation: number };
const globalForState = globalThis as unknown as { pgNotifications?: State };
const state = (globalForState.pgNotifications ??= { channels: new Map(), client: null, started: false, generation: 0 });

const SAFE_CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

async function connect(generation: number): Promise<void> {
  const client = new pg.Client({ connectionString: config().DATABASE_URL });
  client.on("notification", (message) => {
    for (const handler of state.channels.get(message.channel)?.handlers ?? []) handler(message.payload ?? "");
  });
  client.on("error", () => undefined); // "end" follows, and reconnects
  client.on("end", () => {
    if (state.client === client) state.client = null;
    if (state.started && state.generation === generation)
      setTimeout(() => void connect(generation), RECONNECT_MS).unref();
  });
  try {
    await client.connect();
    for (const channel of state.channels.keys()) await client.query(`LISTEN ${channel}`);
    state.client = client;
    for (const channel of state.channels.values()) for (const resync of channel.resync) resync();
  } catch {
    await client.end().catch(() => undefined);
  }
}

/** Calls `handler` with each notification on `channel`, and `resync` after every (re)connection. */
export function listen(channel: string, handler: (payload: string) => void, resync?: () => void): void {
  if (!SAFE_CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
  if (!config().DATABASE_URL) return;
  let entry = state.channels.get(channel);
  if (!entry) {
    state.channels.set(
      channel,
      (entry = { handlers: new Set<(payload: string) => void>(), resync: new Set<() => void>() }),
    );
    void state.client?.query(`LISTEN ${channel}`).catch(() => undefined);
  }
  entry.handlers.add(handler);
  if (resync) entry.resync.add(resync);
  if (!state.started) {
    state.started = true;
    void connect(state.generation);
  }
}

/** Stops listening on every channel (tests and shutdown). */
export async function stopListening(): Promise<void> {
  state.started = false;
  state.generation += 1;
  state.channels.clear();
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => undefined);
}
