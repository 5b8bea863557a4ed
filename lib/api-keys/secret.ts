import { createHash, randomBytes } from "node:crypto";

/** What a key may be used for; mirrors the ApiKeyScope enum of the schema. */
export const API_KEY_SCOPES = ["ingest", "decide", "admin"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Keys start with a kind marker so a leaked key is recognisable: wk_ write (server), ck_ client (browser-safe), ak_ admin. */
const MARKERS = { write: "wk", client: "ck", admin: "ak" } as const;
export type ApiKeyKind = keyof typeof MARKERS;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_LENGTH = 32; // 32 base62 characters ≈ 190 bits
export const PREFIX_LENGTH = 10;

/** A new random key of the given kind, e.g. `wk_3fQ…`. */
export function generateApiKey(kind: ApiKeyKind): string {
  const bytes = randomBytes(SECRET_LENGTH);
  let secret = "";
  for (const byte of bytes) secret += ALPHABET[byte % ALPHABET.length];
  return `${MARKERS[kind]}_${secret}`;
}

/**
 * The stored form of a key: SHA-256 hex. Keys carry ~190 random bits, so a
 * fast hash is safe here (no dictionary to guess from) and lookups stay O(1).
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The kind a key's marker says (`ck_…` is a client key), or null for a string without one. */
export function kindOfKey(key: string): ApiKeyKind | null {
  for (const kind of Object.keys(MARKERS) as ApiKeyKind[]) if (key.startsWith(`${MARKERS[kind]}_`)) return kind;
  return null;
}

/** The visible part of a key, enough to recognise it in a list. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

/** The kind a key's marker implies and the scopes it gets by default. */
export const DEFAULT_SCOPES: Record<ApiKeyKind, ApiKeyScope[]> = {
  write: ["ingest"],
  client: ["decide", "ingest"],
  admin: ["admin", "ingest", "decide"],
};
