// How visitors reach and browse the demo store: devices, referrers, campaigns, pages.

export const SITE_URL = "https://demo-store.example";

export const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
  "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
];
/** Mobile first: iPhone and Android lead. */
export const USER_AGENT_WEIGHTS = [22, 14, 30, 20, 6, 8];

export type Campaign = { source: string; medium: string; name: string; referrer: string };

export const CAMPAIGNS: Campaign[] = [
  { source: "google", medium: "cpc", name: "brand_search", referrer: "https://www.google.com/" },
  { source: "google", medium: "cpc", name: "shopping_feed", referrer: "https://www.google.com/" },
  { source: "facebook", medium: "paid_social", name: "spring_sale", referrer: "https://l.facebook.com/" },
  { source: "instagram", medium: "paid_social", name: "new_arrivals", referrer: "https://l.instagram.com/" },
  { source: "newsletter", medium: "email", name: "weekly_picks", referrer: "" },
  { source: "tiktok", medium: "paid_social", name: "creator_collab", referrer: "https://www.tiktok.com/" },
  { source: "criteo", medium: "display", name: "retargeting", referrer: "https://www.criteo.com/" },
];
export const CAMPAIGN_WEIGHTS = [24, 18, 16, 14, 14, 8, 6];

/** Referrers of sessions that carry no campaign (direct traffic has none). */
export const ORGANIC_REFERRERS = [
  "",
  "",
  "",
  "https://www.google.com/",
  "https://www.google.com/",
  "https://duckduckgo.com/",
  "https://www.bing.com/",
  "https://www.reddit.com/",
];

/** Share of sessions started per UTC hour (evening peak, quiet nights). */
export const HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 7, 8, 7, 7, 7, 8, 9, 11, 12, 12, 10, 7, 4];
export const MAX_HOUR_WEIGHT = Math.max(...HOUR_WEIGHTS);
