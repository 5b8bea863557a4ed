import { z } from "zod";
import { CONSENT_PURPOSES } from "@/lib/events/schema";

export type ConsentState = { purpose: string; status: "granted" | "denied" | "not_set"; since: Date | null };

const entrySchema = z.object({ granted: z.boolean(), updatedAt: z.string().max(40).optional() });

/**
 * Where each purpose stands, from `profiles.consent`: the known purposes
 * always (so "not set" is visible), then any other purpose the column holds.
 * A malformed entry reads as not set rather than breaking the page.
 */
export function consentStates(consent: unknown): ConsentState[] {
  const record =
    consent && typeof consent === "object" && !Array.isArray(consent) ? (consent as Record<string, unknown>) : {};
  const purposes = [...new Set<string>([...CONSENT_PURPOSES, ...Object.keys(record)])];
  return purposes.map((purpose) => {
    const entry = entrySchema.safeParse(record[purpose]);
    if (!entry.success) return { purpose, status: "not_set", since: null };
    const since = entry.data.updatedAt ? new Date(entry.data.updatedAt) : null;
    return {
      purpose,
      status: entry.data.granted ? "granted" : "denied",
      since: since && !Number.isNaN(since.getTime()) ? since : null,
    };
  });
}
