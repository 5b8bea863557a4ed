/**
 * The overview's figures from the counts the query returns. Definitions (README.md, "Overview"):
 * - a visitor is a profile with at least one page view, screen or track event in the period (identify and
 *   alias calls alone are not visits); identified visitors are those with a user id;
 * - a buyer is a visitor with at least one order (an `Order Completed` event) in the period; the conversion
 *   rate is buyers / visitors;
 * - revenue is the sum of the orders' numeric `revenue`; average order value = revenue / orders; revenue per
 *   visitor = revenue / visitors.
 */

/** What the query counts over one period (or one day). */
export type PeriodCounts = { visitors: number; identified: number; buyers: number; orders: number; revenue: number };

export type Figures = PeriodCounts & {
  /** buyers / visitors; null without visitors. */
  conversionRate: number | null;
  /** revenue / orders; null without orders. */
  averageOrderValue: number | null;
  /** revenue / visitors; null without visitors. */
  revenuePerVisitor: number | null;
};

export const FIGURE_KEYS = [
  "visitors",
  "identified",
  "conversionRate",
  "orders",
  "revenue",
  "averageOrderValue",
  "revenuePerVisitor",
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function figuresOf(c: PeriodCounts): Figures {
  return {
    ...c,
    conversionRate: ratio(c.buyers, c.visitors),
    averageOrderValue: ratio(c.revenue, c.orders),
    revenuePerVisitor: ratio(c.revenue, c.visitors),
  };
}

/** The relative change from `before` to `now` ((now − before) / before); null when either is missing or before is 0. */
export function changeOf(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return (now - before) / before;
}
