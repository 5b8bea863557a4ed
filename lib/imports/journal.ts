import { z } from "zod";
import type { ConsentState } from "@/lib/events/consent";

/** How long an import can be undone. */
export const UNDO_DAYS = 30;

/** What the journal keeps of a profile an import found: what its undo restores. */
export const importJournalBeforeSchema = z.object({
  traits: z.record(z.string(), z.unknown()),
  traitTimestamps: z.record(z.string(), z.string()),
  consent: z.record(z.string(), z.object({ granted: z.boolean(), updatedAt: z.string() })),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** The counters as ingest kept them (restored as they were when no event has come since). */
  eventCount: z.number().int(),
  sessions: z.number().int(),
  orders: z.number().int(),
  revenue: z.union([z.number(), z.string()]),
  firstOrderAt: z.string().nullable(),
  lastOrderAt: z.string().nullable(),
});
export type ImportJournalBefore = z.infer<typeof importJournalBeforeSchema>;

/** Why an import cannot be undone (now), or null. */
export function undoRefusal(
  job: { status: string; createdAt: Date; mergedProfiles: number; undoneAt: Date | null },
  now: Date,
): string | null {
  if (job.status === "undone") return "This import was undone already";
  if (job.undoneAt) return "This import is being undone";
  if (job.status !== "completed") return "Only a completed import can be undone";
  if (now.getTime() - job.createdAt.getTime() > UNDO_DAYS * 86_400_000)
    return `An import can be undone within ${UNDO_DAYS} days; this one ran on ${job.createdAt.toISOString().slice(0, 10)}`;
  if (job.mergedProfiles > 0)
    return `This import merged ${job.mergedProfiles} ${job.mergedProfiles === 1 ? "profile" : "profiles"} into others, and a merge cannot be undone`;
  return null;
}

type Stated = {
  traits: Record<string, unknown>;
  traitTimestamps: Record<string, string>;
  consent: ConsentState;
};

/**
 * A profile's traits and consent with an import's writes taken back: a trait or a consent choice whose time
 * differs from before the import and is not later than the import's start was written by it (or by an older
 * statement that arrived with it) and goes back to what it was, or away; one written later (the storefront,
 * since) stays. Pure.
 */
export function restoreStated(current: Stated, before: Stated, importStartedAt: Date): Stated {
  const limit = importStartedAt.toISOString();
  const traits = { ...current.traits };
  const traitTimestamps = { ...current.traitTimestamps };
  for (const key of new Set([...Object.keys(current.traitTimestamps), ...Object.keys(before.traitTimestamps)])) {
    const now = current.traitTimestamps[key];
    if (now === before.traitTimestamps[key] || (now !== undefined && now > limit)) continue;
    if (key in before.traits) {
      traits[key] = before.traits[key];
      traitTimestamps[key] = before.traitTimestamps[key]!;
    } else {
      delete traits[key];
      delete traitTimestamps[key];
    }
  }
  const consent: ConsentState = { ...current.consent };
  for (const purpose of new Set([...Object.keys(current.consent), ...Object.keys(before.consent)]) as Set<
    keyof ConsentState
  >) {
    const now = current.consent[purpose];
    if (now?.updatedAt === before.consent[purpose]?.updatedAt || (now && now.updatedAt > limit)) continue;
    if (before.consent[purpose]) consent[purpose] = before.consent[purpose];
    else delete consent[purpose];
  }
  return { traits, traitTimestamps, consent };
}
