import { closePgPool } from "@/lib/db/pg-pool";
import { flushExposures } from "@/lib/decide/queries/exposure-buffer";
import { stopConfigListener } from "@/lib/decide/queries/snapshot-store";
import { flushMembershipRefresh } from "@/lib/segments/queries/refresh-queue";

/** On SIGTERM: write what the process still holds in memory (exposures, queued membership refreshes), then exit. */
export async function flushOnShutdown(signal: string): Promise<never> {
  console.log(`[app] ${signal}: flushing buffers before exit`);
  const give = (p: Promise<unknown>) => p.catch((error: unknown) => console.error("[app] flush failed:", error instanceof Error ? error.message : error));
  await Promise.race([Promise.all([give(flushExposures()), give(flushMembershipRefresh())]), new Promise((r) => setTimeout(r, 10_000))]);
  await stopConfigListener();
  await closePgPool().catch(() => undefined);
  process.exit(0);
}

/** Registers the flush for SIGTERM and SIGINT (Next's own handling is off: NEXT_MANUAL_SIG_HANDLE). */
export function flushOnSignals(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void flushOnShutdown(signal));
}
