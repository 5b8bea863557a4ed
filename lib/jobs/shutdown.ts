import { closePgPool } from "@/lib/db/pg-pool";
import { flushExposures } from "@/lib/decide/runtime/exposure-buffer";
import { stopConfigListener } from "@/lib/decide/runtime/snapshot-store";
import { drainEvents } from "@/lib/events/runtime/event-buffer";
import { flushIdentityChecks } from "@/lib/identity/runtime/identity-checks";
import { flushMembershipRefresh } from "@/lib/segments/runtime/refresh-queue";

type ShutdownOptions = { label: string; ms: number; beforeFlush?: () => void };

/**
 * On SIGTERM: write what the process still holds in memory (buffered events,
 * exposures, queued membership refreshes; retried while the database is down,
 * for at most `ms`), then exit. `beforeFlush` stops taking new work.
 */
export async function flushOnShutdown(signal: string, { label, ms, beforeFlush }: ShutdownOptions): Promise<never> {
  console.log(`[${label}] ${signal}: no longer accepting; flushing buffers before exit`);
  beforeFlush?.();
  const flushed = (async () => {
    await drainEvents(ms); // events first: their membership refreshes are queued as they are written
    await Promise.all([flushExposures(), flushMembershipRefresh(), flushIdentityChecks()]);
  })().catch((error: unknown) =>
    console.error(`[${label}] flush failed:`, error instanceof Error ? error.message : error),
  );
  await Promise.race([flushed, new Promise((r) => setTimeout(r, ms + 1_000).unref())]);
  await stopConfigListener();
  await closePgPool().catch(() => undefined);
  process.exit(0);
}

/** Registers the flush for SIGTERM and SIGINT (the app's: Next's own handling is off, NEXT_MANUAL_SIG_HANDLE). */
export function flushOnSignals(options: ShutdownOptions = { label: "app", ms: 10_000 }): void {
  let started = false;
  // a repeated signal (Ctrl-C reaches a whole process group, and a parent may pass it on too) does not cut the flush short: it ends within options.ms
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.on(signal, () => void (started || ((started = true), flushOnShutdown(signal, options))));
}
