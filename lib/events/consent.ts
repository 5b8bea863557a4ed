import { CONSENT_PURPOSES, type ConsentPurpose } from "./schema";

export type ConsentChoices = Partial<Record<ConsentPurpose, boolean>>;

/** Segment's consent categories (context.consent.categoryPreferences) that map onto our purposes. */
const CATEGORY_TO_PURPOSE: Record<string, ConsentPurpose> = {
  analytics: "analytics",
  personalization: "personalization",
  functional: "personalization",
  marketing: "marketing",
  advertising: "marketing",
};

function booleansOf(value: unknown, map: (key: string) => ConsentPurpose | undefined): ConsentChoices {
  const out: ConsentChoices = {};
  if (!value || typeof value !== "object") return out;
  for (const [key, granted] of Object.entries(value)) {
    const purpose = map(key.toLowerCase());
    if (purpose && typeof granted === "boolean") out[purpose] = granted;
  }
  return out;
}

/**
 * Consent stated by a message: `traits.consent` ({ analytics: false, … }) or
 * Segment's `context.consent.categoryPreferences`. Null when it states none.
 */
export function consentFromMessage(
  traits: Record<string, unknown> | undefined,
  context: Record<string, unknown> | undefined,
): ConsentChoices | null {
  const fromTraits = booleansOf(traits?.consent, (k) =>
    (CONSENT_PURPOSES as readonly string[]).includes(k) ? (k as ConsentPurpose) : undefined,
  );
  const preferences = (context?.consent as { categoryPreferences?: unknown } | undefined)?.categoryPreferences;
  const fromContext = booleansOf(preferences, (k) => CATEGORY_TO_PURPOSE[k]);
  const merged = { ...fromContext, ...fromTraits };
  return Object.keys(merged).length > 0 ? merged : null;
}

/** Stored consent: per purpose, granted and when that was said. */
export type ConsentState = Partial<Record<ConsentPurpose, { granted: boolean; updatedAt: string }>>;

/** Analytics events are stored unless the person said no (no statement counts as yes). */
export function allowsAnalytics(state: ConsentState): boolean {
  return state.analytics?.granted !== false;
}

/** Applies choices made at `at`; a purpose is only changed by a statement at least as recent as the stored one. */
export function applyConsent(
  state: ConsentState,
  choices: ConsentChoices,
  at: Date,
): { state: ConsentState; changed: ConsentPurpose[] } {
  const next: ConsentState = { ...state };
  const changed: ConsentPurpose[] = [];
  for (const purpose of CONSENT_PURPOSES) {
    const granted = choices[purpose];
    if (granted === undefined) continue;
    const current = next[purpose];
    if (current && new Date(current.updatedAt) > at) continue;
    if (current?.granted !== granted) changed.push(purpose);
    next[purpose] = { granted, updatedAt: at.toISOString() };
  }
  return { state: next, changed };
}

/** Consent of two merged profiles: for each purpose the most restrictive choice wins. */
export function mostRestrictive(a: ConsentState, b: ConsentState): ConsentState {
  const out: ConsentState = {};
  for (const purpose of CONSENT_PURPOSES) {
    const x = a[purpose];
    const y = b[purpose];
    if (!x || !y) {
      const only = x ?? y;
      if (only) out[purpose] = only;
      continue;
    }
    if (x.granted !== y.granted) out[purpose] = x.granted ? y : x;
    else out[purpose] = x.updatedAt >= y.updatedAt ? x : y;
  }
  return out;
}
