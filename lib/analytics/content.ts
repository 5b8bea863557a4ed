/**
 * Content performance: what each variant of each experience was shown and what followed. An impression is a
 * decision that served the variant (an exposure row counts its `impressions`); a click is a `Placement Clicked`
 * event naming the placement and its variant (the browser SDK sends them; one naming another placement's variant
 * counts nowhere); an order is attributed to the variant
 * of each placement last shown to the buyer within ATTRIBUTION_DAYS before it (last touch per placement, so one
 * order can count for the hero and the cart upsell both, but once per placement).
 */
export const ATTRIBUTION_DAYS = 7;

/** The event the browser SDK sends for a click in a decided placement (lib/sdk/browser/clicks.ts). */
export const CLICK_EVENT = "Placement Clicked";

/** One variant's counts over the range, as the query returns them. */
export type ContentCounts = {
  placementId: string;
  placementKey: string;
  placementName: string;
  experienceId: string;
  experienceName: string;
  isDefault: boolean;
  variantId: string;
  variantName: string;
  impressions: number;
  visitors: number;
  clicks: number;
  orders: number;
  revenue: number;
};

export type ContentRow = ContentCounts & {
  /** clicks / impressions; null without impressions. */
  clickThroughRate: number | null;
  /** Attributed orders / visitors shown it (orders per visitor, not a share of buyers: repeat orders count); null without visitors. */
  conversionRate: number | null;
  /** revenue / impressions. */
  revenuePerImpression: number | null;
};

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** The rows with their rates, by placement name, then by impressions. */
export function contentRows(counts: readonly ContentCounts[]): ContentRow[] {
  return counts
    .map((c) => ({
      ...c,
      clickThroughRate: ratio(c.clicks, c.impressions),
      conversionRate: ratio(c.orders, c.visitors),
      revenuePerImpression: ratio(c.revenue, c.impressions),
    }))
    .sort((a, b) => a.placementName.localeCompare(b.placementName) || b.impressions - a.impressions);
}

/** The variants with the most and the least revenue per impression, among those shown at least `minImpressions` times. */
export function bestAndWorst(rows: readonly ContentRow[], minImpressions = 100) {
  const ranked = rows
    .filter((r) => r.impressions >= minImpressions && r.revenuePerImpression !== null)
    .sort((a, b) => b.revenuePerImpression! - a.revenuePerImpression!);
  if (ranked.length < 2) return null;
  return { best: ranked[0]!, worst: ranked.at(-1)! };
}
