import type { TemplateData } from "./types";

/**
 * A plausible visitor, to render templates with at save time (and in
 * previews): a returning customer in Berlin with three orders. A fresh
 * object each call, so a caller may change it.
 */
export function sampleTemplateData(): TemplateData {
  return {
    traits: {
      first_name: "Alex",
      last_name: "Morgan",
      email: "alex@example.com",
      city: "Berlin",
      country: "DE",
      language: "de",
      loyalty_tier: "gold",
      favorite_category: "running",
      newsletter: true,
    },
    computed: {
      orders: 3,
      revenue: 249.5,
      average_order_value: 83.17,
      sessions: 12,
      event_count: 87,
      days_since_last_order: 14,
      days_since_last_seen: 1,
      days_since_first_seen: 180,
      rfm_recency: 4,
      rfm_frequency: 3,
      rfm_monetary: 3,
    },
    context: {
      url: "https://shop.example.com/products/trail-runner?utm_source=newsletter",
      path: "/products/trail-runner",
      referrer: "https://www.google.com/",
      country: "DE",
      device: "mobile",
      locale: "de-DE",
      utm_source: "newsletter",
      utm_medium: "email",
      utm_campaign: "spring_sale",
      local_hour: 11,
      weekday: "friday",
      visitor: "returning",
      now: "2026-05-01T09:30:00Z",
    },
  };
}
