import { z } from "zod";

/** Free-form profile traits as stored in `profiles.traits`. */
export const profileTraitsSchema = z.record(z.string().max(200), z.unknown());

export const CONSENT_PURPOSES = ["analytics", "personalization", "marketing"] as const;
/** Consent per purpose as stored in `profiles.consent`: granted or not, and when that was last said. */
export const consentSchema = z.partialRecord(z.enum(CONSENT_PURPOSES), z.object({ granted: z.boolean(), updatedAt: z.string() }));

/** The profiles list's query string. */
export const profileListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
