import { z } from "zod";

/** The name this runtime's Intl uses for a time zone ("europe/paris" → "Europe/Paris"), or null when it knows none. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * A workspace's time zone: an IANA name ("Europe/Paris", "America/New_York", "UTC"), stored as Intl spells it.
 * The action that saves one also asks Postgres (pg_timezone_names), which counts the days.
 */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .max(64, "At most 64 characters")
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical === null) {
      ctx.addIssue({ code: "custom", message: `“${name}” is not a time zone (use a name such as Europe/Paris)` });
      return z.NEVER;
    }
    return canonical;
  });

/** The time zones offered in the setting's list (this runtime's, with UTC first). */
export function timeZoneChoices(): string[] {
  const names = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...names.filter((n) => n !== "UTC")];
}
