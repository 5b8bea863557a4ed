/**
 * Whether the database answers, as this process's hot paths see it: a
 * circuit breaker. After a connection failure the database counts as down,
 * and the hot path stops waiting on it (decisions fail open to the last good
 * snapshot and an anonymous visitor); once per RETRY_MS one caller is let
 * through to try again, and the first success closes the circuit.
 */
const RETRY_MS = 1_000;

type State = { down: boolean; since: number; lastTry: number; lastError: string | null; outages: number };
const globalForState = globalThis as unknown as { databaseAvailability?: State };
const state = (globalForState.databaseAvailability ??= {
  down: false,
  since: Date.now(),
  lastTry: 0,
  lastError: null,
  outages: 0,
});

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** A failure to reach the database (refused, reset, shut down, timed out), as opposed to a bad query. */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && (CONNECTION_CODES.has(e.code) || e.code.startsWith("08"))) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(
    e.message ?? "",
  );
}

/** Records a failed database call; returns whether it was a connection failure (and opened the circuit). */
export function noteDatabaseError(error: unknown): boolean {
  if (!isConnectionError(error)) return false;
  state.lastError =
    error instanceof Error ? error.message || (error as { code?: string }).code || "connection error" : String(error);
  if (!state.down) {
    state.down = true;
    state.since = Date.now();
    state.outages += 1;
    console.error(`[db] database unreachable (${state.lastError}): serving from memory until it answers again`);
  }
  state.lastTry = Date.now();
  return true;
}

/** Records a database call that succeeded (closes the circuit). */
export function noteDatabaseOk(): void {
  if (!state.down) return;
  console.log(`[db] database reachable again after ${Math.round((Date.now() - state.since) / 1000)} s`);
  state.down = false;
  state.since = Date.now();
  state.lastError = null;
}

/** Whether a hot-path caller should skip the database now (down, and not this caller's turn to try it). */
export function skipDatabase(): boolean {
  if (!state.down) return false;
  if (Date.now() - state.lastTry < RETRY_MS) return true;
  state.lastTry = Date.now();
  return false;
}

export const databaseAvailability = () => ({
  reachable: !state.down,
  since: new Date(state.since).toISOString(),
  lastError: state.lastError,
  outages: state.outages,
});
