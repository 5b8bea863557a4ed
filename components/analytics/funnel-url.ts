import { funnelInputSchema, type FunnelInput } from "@/lib/analytics/funnel";

/** The funnel shown when the link names none: home page, a product, the cart, an order. */
export const EXAMPLE_FUNNEL: FunnelInput = {
  steps: [
    { eventName: "Product Viewed", filters: [] },
    { eventName: "Product Added", filters: [] },
    { eventName: "Order Completed", filters: [] },
  ],
  windowDays: 7,
  split: "none",
};

/**
 * The funnel in a URL's `funnel` parameter (its JSON), so that a shared link shows the same funnel; a value that
 * does not parse, or that the schema refuses, falls back to the example and says why.
 */
export function readFunnelParam(params: { get(key: string): string | null }): {
  funnel: FunnelInput;
  error: string | null;
} {
  const raw = params.get("funnel");
  if (!raw) return { funnel: EXAMPLE_FUNNEL, error: null };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { funnel: EXAMPLE_FUNNEL, error: "The funnel in this link is not readable" };
  }
  const parsed = funnelInputSchema.safeParse(json);
  if (parsed.success) return { funnel: parsed.data, error: null };
  const issue = parsed.error.issues[0]!;
  return {
    funnel: EXAMPLE_FUNNEL,
    error: `The funnel in this link is not used: ${issue.path.join(".")}: ${issue.message}`,
  };
}

/** The query string with the funnel set (the other parameters, such as the range, kept). */
export function withFunnel(params: { toString(): string }, funnel: FunnelInput): string {
  const next = new URLSearchParams(params.toString());
  next.set("funnel", JSON.stringify(funnel));
  return next.toString();
}

/** "45 s", "11 min", "3.2 h", "2.1 days"; "—" for none. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}
