import type { BreakdownDimension } from "../breakdown";

export type TouchDimension = Exclude<BreakdownDimension, "segment">;

/**
 * Each first-touch dimension's value as SQL over an event's context (`context`, a jsonb expression), the same
 * for the raw-event statements and the rollup that stores them (rollup-days.ts). The device follows deviceOf
 * (lib/decide/request.ts) with the same patterns. Country here is the context's only (null when it has none):
 * a visitor's country falls back to their profile's trait when read (`countryOf`).
 */
export function touchSql(context: string): Record<TouchDimension, string> {
  /** A referrer's host ("https://www.google.com/search?q=…" → "www.google.com"), null for none. */
  const referrerHost = `nullif(substring(${context}->'page'->>'referrer' from '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)'), '')`;
  /** A UTM field as Segment's spec names it (`context.campaign.name`) or as the browser SDK sends it (`context.utm.campaign`). */
  const utm = (campaignKey: string, utmKey: string) =>
    `coalesce(nullif(${context}->'campaign'->>'${campaignKey}', ''), nullif(${context}->'utm'->>'${utmKey}', ''))`;
  return {
    source: `coalesce(${utm("source", "source")}, ${referrerHost}, '(direct)')`,
    medium: `coalesce(${utm("medium", "medium")}, CASE WHEN ${referrerHost} IS NOT NULL THEN 'referral' END, '(none)')`,
    campaign: `coalesce(${utm("name", "campaign")}, '(none)')`,
    referrer: `coalesce(${referrerHost}, '(direct)')`,
    device: `CASE WHEN nullif(${context}->>'userAgent', '') IS NULL THEN '(unknown)'
                  WHEN ${context}->>'userAgent' ~* 'iPad|Tablet|PlayBook|Silk|(Android(?!.*Mobile))' THEN 'tablet'
                  WHEN ${context}->>'userAgent' ~* 'Mobi|iPhone|iPod|Android|BlackBerry|Opera Mini|IEMobile' THEN 'mobile'
                  ELSE 'desktop' END`,
    country: `nullif(upper(${context}->'location'->>'country'), '')`,
  };
}

/** A visitor's country: the first touch's (`touchCountry`, SQL), else their profile's `country` trait (`traits`, SQL). */
export const countryOf = (touchCountry: string, traits: string) =>
  `coalesce(${touchCountry}, nullif(upper(${traits}->>'country'), ''), '(unknown)')`;
