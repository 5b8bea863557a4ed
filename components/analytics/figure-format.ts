import type { FigureKey } from "@/lib/analytics/figures";
import { formatInteger, formatMoney } from "@/lib/format";

export const FIGURE_LABELS: Record<FigureKey, string> = {
  visitors: "Visitors",
  identified: "Identified visitors",
  conversionRate: "Conversion rate",
  orders: "Orders",
  revenue: "Revenue",
  averageOrderValue: "Average order value",
  revenuePerVisitor: "Revenue per visitor",
};

/** What each figure means, shown under it (README.md, "Overview", has the same definitions). */
export const FIGURE_HINTS: Record<FigureKey, string> = {
  visitors: "Profiles with a page view or event",
  identified: "Visitors with a user id",
  conversionRate: "Visitors with an order",
  orders: "Order Completed events",
  revenue: "Sum of the orders' revenue",
  averageOrderValue: "Revenue / orders",
  revenuePerVisitor: "Revenue / visitors",
};

const MINUS = "\u2212";
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 });

/** A figure as the card shows it: counts as integers, money with its symbol, the conversion rate as a percent; "—" for none. */
export function formatFigure(key: FigureKey, value: number | null): string {
  if (value === null) return "—";
  switch (key) {
    case "visitors":
    case "identified":
    case "orders":
      return formatInteger(value);
    case "conversionRate":
      return `${(value * 100).toFixed(value < 0.1 ? 2 : 1)} %`;
    case "revenue":
      return formatMoney(value);
    default:
      return cents.format(value); // an average: its cents matter
  }
}

/** "+12.5 %", "−3.0 %", "0.0 %"; null when there is nothing to compare with. */
export function formatChange(change: number | null): string | null {
  if (change === null) return null;
  const pct = (Math.abs(change) * 100).toFixed(1);
  if (pct === "0.0") return "0.0 %";
  return `${change > 0 ? "+" : MINUS}${pct} %`;
}
