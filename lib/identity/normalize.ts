import { createHash } from "node:crypto";

export const IDENTITY_TYPES = ["anonymous_id", "user_id", "email", "phone"] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];

/** Identity types whose values are personal data and are stored only hashed. */
const HASHED_TYPES: ReadonlySet<IdentityType> = new Set(["email", "phone"]);

/** Emails match case-insensitively and without surrounding blanks. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Phones in E.164 (`+` and digits). Separators are dropped; a number written
 * with a leading `00` becomes `+`. Returns null when no E.164 number remains.
 */
export function normalizePhone(phone: string): string | null {
  let value = phone.trim().replace(/[\s().\-/]/g, "");
  if (value.startsWith("00")) value = `+${value.slice(2)}`;
  return /^\+[1-9]\d{6,14}$/.test(value) ? value : null;
}

/** SHA-256 hex of a normalized personal value with the workspace's salt. */
export function hashIdentityValue(salt: string, normalized: string): string {
  return createHash("sha256").update(`${salt}:${normalized}`, "utf8").digest("hex");
}

/**
 * The value stored in the identities table for a raw identifier: normalized,
 * and hashed when it is personal data. Null when the value is not valid.
 */
export function storedIdentityValue(type: IdentityType, raw: string, salt: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const normalized = type === "email" ? normalizeEmail(trimmed) : type === "phone" ? normalizePhone(trimmed) : trimmed;
  if (normalized === null) return null;
  return HASHED_TYPES.has(type) ? hashIdentityValue(salt, normalized) : normalized;
}
