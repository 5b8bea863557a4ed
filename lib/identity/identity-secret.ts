import { randomBytes } from "node:crypto";
import { z } from "zod";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Shown in lists so that a secret can be recognised (`is_3fQa9Lm…`). */
export const SECRET_PREFIX_LENGTH = 10;

/** A new identity secret, `is_` and 40 base62 characters (≈ 238 random bits). */
export function generateIdentitySecret(): string {
  let secret = "is_";
  for (const byte of randomBytes(40)) secret += ALPHABET[byte % ALPHABET.length];
  return secret;
}

/** How long a replaced secret keeps verifying, so that servers can switch to the new one without a gap. */
export const OVERLAP_HOURS = [0, 1, 24, 168] as const;

export const createIdentitySecretSchema = z.object({
  overlapHours: z.union(OVERLAP_HOURS.map((h) => z.literal(h)) as [z.ZodLiteral<0>, ...z.ZodLiteral<number>[]], {
    error: "Choose how long the current secret keeps working",
  }),
});
export const expireIdentitySecretSchema = z.object({ secretId: z.string().min(1).max(64) });
export const setRequireSignedUserIdsSchema = z.object({ required: z.boolean() });

/** Keys a request may not name: they would reach an object's prototype. */
const RESERVED = new Set(["__proto__", "constructor", "prototype"]);
export const MAX_REQUEST_TRAITS = 50;

/** The request traits as a marketer types them: one per line or comma-separated trait keys. */
export const setRequestTraitsSchema = z.object({
  traits: z
    .string()
    .max(10_000)
    .transform((text) => [
      ...new Set(
        text
          .split(/[\n,]/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ])
    .superRefine((keys, ctx) => {
      const bad = keys.filter((k) => k.length > 120 || RESERVED.has(k) || /\s/.test(k));
      if (bad.length > 0)
        ctx.addIssue({
          code: "custom",
          message: `Not a trait key (no spaces, at most 120 characters, not ${[...RESERVED].join(", ")}): ${bad.join(", ")}`,
        });
      if (keys.length > MAX_REQUEST_TRAITS)
        ctx.addIssue({ code: "custom", message: `At most ${MAX_REQUEST_TRAITS} request traits` });
    }),
});
